import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isInterfaceType,
  isLeafType,
  isListType,
  isObjectType,
  Kind,
  valueFromASTUntyped,
  type DocumentNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type GraphQLType,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

/** How many items a list field is asked for: the first of these arguments that is given. */
export const LIST_SIZE_ARGUMENTS = ['first', 'last', 'limit'] as const;
/** Paging arguments that must not be negative, with the size arguments above. */
export const PAGING_ARGUMENTS = [...LIST_SIZE_ARGUMENTS, 'offset'] as const;

export interface CostWeights {
  /** Items a list is priced at when no size argument says how many. */
  defaultListSize: number;
  /** Each object in the answer (a row a subgraph reads). @default 2 */
  objectCost?: number;
  /** Each scalar field. @default 1 */
  scalarCost?: number;
}

/** A paging argument below zero; the operation is refused before any subgraph sees it. */
export class NegativePagingArgument extends Error {
  override name = 'NegativePagingArgument';
  constructor(
    readonly field: string,
    readonly argument: string,
    readonly value: number,
  ) {
    super(`${field}(${argument}: ${value}): ${argument} must be zero or more.`);
  }
}

/**
 * The estimated size of an operation's answer: each object costs `objectCost`, each scalar
 * `scalarCost`, and a list field multiplies what it selects by its size — its `first`/`last`/
 * `limit` argument (literal or variable) when given, else `defaultListSize`. A size given on a
 * connection field (`storiesConnection(first: 5) { edges … }`) sizes the list beneath it.
 * Each fragment is priced once per size it is spread under, so a chain of fragments spreading
 * each other twice costs linear time, and a cycle (refused by validation) costs nothing.
 * Introspection fields cost nothing (introspection is switched on or off as a whole).
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>> | undefined,
  weights: CostWeights,
): number {
  const objectCost = weights.objectCost ?? 2;
  const scalarCost = weights.scalarCost ?? 1;
  const fragments = new Map(
    document.definitions.flatMap((d) =>
      d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [],
    ),
  );
  const defaults = new Map(
    (operation.variableDefinitions ?? []).map((v) => [
      v.variable.name.value,
      v.defaultValue ? valueFromASTUntyped(v.defaultValue) : undefined,
    ]),
  );
  const valueOf = (node: ValueNode): unknown => {
    if (node.kind !== Kind.VARIABLE) return valueFromASTUntyped(node);
    const name = node.name.value;
    return variables?.[name] ?? defaults.get(name);
  };

  const priced = new Map<string, number>();
  const pricing = new Set<string>();
  const selectionCost = (
    set: SelectionSetNode,
    parent: GraphQLCompositeType,
    size: number | undefined,
  ): number => {
    let cost = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition
          ? schema.getType(selection.typeCondition.name.value)
          : parent;
        cost += selectionCost(selection.selectionSet, isCompositeType(type) ? type : parent, size);
      } else if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const name = selection.name.value;
        const key = `${name}@${size ?? ''}`;
        const fragment = fragments.get(name);
        if (!fragment || pricing.has(key)) continue;
        if (!priced.has(key)) {
          pricing.add(key);
          const type = schema.getType(fragment.typeCondition.name.value);
          priced.set(
            key,
            selectionCost(fragment.selectionSet, isCompositeType(type) ? type : parent, size),
          );
          pricing.delete(key);
        }
        cost += priced.get(key)!;
      } else {
        const name = selection.name.value;
        if (name === '__schema' || name === '__type') continue;
        const field =
          isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
        if (!field || isLeafType(getNamedType(field.type)) || !selection.selectionSet) {
          cost += scalarCost;
          continue;
        }
        let given: number | undefined;
        for (const argument of selection.arguments ?? []) {
          const named = argument.name.value;
          if (!(PAGING_ARGUMENTS as readonly string[]).includes(named)) continue;
          const value = valueOf(argument.value);
          if (typeof value !== 'number') continue;
          if (value < 0) throw new NegativePagingArgument(name, named, value);
          if (given === undefined && (LIST_SIZE_ARGUMENTS as readonly string[]).includes(named))
            given = value;
        }
        const lists = listDepth(field.type);
        const child = getNamedType(field.type) as GraphQLCompositeType;
        // A size on a field that is not itself a list (a connection) sizes the list below it.
        const below = lists === 0 ? (given ?? size) : undefined;
        const items =
          lists === 0
            ? 1
            : (given ?? size ?? weights.defaultListSize) * weights.defaultListSize ** (lists - 1);
        cost += items * (objectCost + selectionCost(selection.selectionSet, child, below));
      }
    }
    return cost;
  };

  const root =
    operation.operation === 'query'
      ? schema.getQueryType()
      : operation.operation === 'mutation'
        ? schema.getMutationType()
        : schema.getSubscriptionType();
  return root ? selectionCost(operation.selectionSet, root, undefined) : 0;
}

function listDepth(type: GraphQLType): number {
  let depth = 0;
  for (let t = getNullableType(type); isListType(t); t = getNullableType(t.ofType)) depth++;
  return depth;
}
