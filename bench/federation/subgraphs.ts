/**
 * The four subgraphs of the public gateway benchmarks' federation scenario (graphql-hive's
 * graphql-gateways-benchmark, ChilliCream's graphql-gateway-benchmarks): accounts, inventory,
 * products and reviews, with entities crossing all four. Written here from the scenario's
 * shape (same types, keys, @provides and @requires, list sizes); the data is small and fixed.
 */
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse, type GraphQLSchema } from 'graphql';

const FEDERATION = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.3",
  import: ["@key", "@shareable", "@external", "@provides", "@requires"])`;

export const SUBGRAPH_SDL = {
  accounts: `${FEDERATION}
type Query {
  me: User
  user(id: ID!): User
  users: [User]
}
type User @key(fields: "id") {
  id: ID!
  name: String
  username: String @shareable
  birthday: Int
}`,
  inventory: `${FEDERATION}
type Product @key(fields: "upc") {
  upc: String!
  weight: Int @external
  price: Int @external
  inStock: Boolean
  shippingEstimate: Int @requires(fields: "price weight")
}`,
  products: `${FEDERATION}
type Query {
  topProducts(first: Int = 5): [Product]
}
type Product @key(fields: "upc") {
  upc: String!
  name: String
  price: Int
  weight: Int
}`,
  reviews: `${FEDERATION}
type Review @key(fields: "id") {
  id: ID!
  body: String
  product: Product
  author: User @provides(fields: "username")
}
type User @key(fields: "id") {
  id: ID!
  username: String @external
  reviews: [Review]
}
type Product @key(fields: "upc") {
  upc: String!
  reviews: [Review]
}`,
} as const;

export type SubgraphName = keyof typeof SUBGRAPH_SDL;
export const SUBGRAPH_NAMES = Object.keys(SUBGRAPH_SDL) as SubgraphName[];

interface User {
  id: string;
  name: string;
  username: string;
  birthday: number;
}
interface Product {
  upc: string;
  name: string;
  price: number;
  weight: number;
  inStock: boolean;
}
interface Review {
  id: string;
  body: string;
  upc: string;
  authorId: string;
}

const USERS: User[] = [
  ['Ada Quill', 'adaq'],
  ['Bram Oakes', 'bramo'],
  ['Cleo Marsh', 'cleom'],
  ['Dario Finch', 'dariof'],
  ['Esme Lark', 'esmel'],
  ['Femi Stone', 'femis'],
].map(([name, username], i) => ({
  id: String(i + 1),
  name: name!,
  username: username!,
  birthday: 1_200_000_000 + i * 86_400,
}));

const PRODUCTS: Product[] = (
  [
    ['Desk', 899, 100],
    ['Sofa', 1299, 1000],
    ['Mug', 15, 20],
    ['Stool', 499, 100],
    ['Screen', 1299, 1000],
    ['Lantern', 6999, 300],
    ['Oven', 3999, 2000],
    ['Freezer', 100_000, 6000],
    ['Bench', 9999, 800],
  ] as const
).map(([name, price, weight], i) => ({
  upc: String(i + 1),
  name,
  price,
  weight,
  inStock: i % 3 !== 1,
}));

/** Review bodies of 140 to 1,100 characters, as in the scenario: answers are not tiny. */
const WORDS =
  'steady breath slow heart quiet room evening light long walk river stone calm wave rest '.repeat(
    20,
  );
const REVIEWS: Review[] = [1, 1, 1, 1, 2, 2, 2, 2, 3, 4, 4].map((product, i) => ({
  id: String(i + 1),
  body: WORDS.slice(i * 7, i * 7 + [450, 300, 290, 140, 450, 300, 290, 140, 140, 140, 1100][i]!),
  upc: String(product),
  authorId: String((i % USERS.length) + 1),
}));

const byId = <T, K extends keyof T>(list: T[], key: K) =>
  new Map(list.map((item) => [item[key], item] as const));
const usersById = byId(USERS, 'id');
const productsByUpc = byId(PRODUCTS, 'upc');
const reviewsById = byId(REVIEWS, 'id');

const reviewAnswer = (review: Review) => ({
  id: review.id,
  body: review.body,
  product: { upc: review.upc },
  // @provides: the reviews subgraph answers the author's username itself.
  author: { id: review.authorId, username: usersById.get(review.authorId)!.username },
});

const RESOLVERS = {
  accounts: {
    Query: {
      me: () => USERS[0],
      user: (_: unknown, { id }: { id: string }) => usersById.get(id) ?? null,
      users: () => USERS,
    },
    User: { __resolveReference: ({ id }: { id: string }) => usersById.get(id) ?? null },
  },
  inventory: {
    Product: {
      __resolveReference: ({ upc, price, weight }: Product) => ({
        upc,
        price,
        weight,
        inStock: productsByUpc.get(upc)?.inStock ?? null,
      }),
      // Free above 1,000; otherwise half the weight.
      shippingEstimate: ({ price, weight }: Product) => (price > 1000 ? 0 : Math.round(weight / 2)),
    },
  },
  products: {
    Query: {
      topProducts: (_: unknown, { first }: { first: number }) => PRODUCTS.slice(0, first),
    },
    Product: { __resolveReference: ({ upc }: { upc: string }) => productsByUpc.get(upc) ?? null },
  },
  reviews: {
    Review: {
      __resolveReference: ({ id }: { id: string }) => {
        const review = reviewsById.get(id);
        return review ? reviewAnswer(review) : null;
      },
    },
    User: {
      __resolveReference: ({ id }: { id: string }) => ({ id }),
      reviews: ({ id }: { id: string }) =>
        REVIEWS.filter((r) => r.authorId === id).map(reviewAnswer),
    },
    Product: {
      __resolveReference: ({ upc }: { upc: string }) => ({ upc }),
      reviews: ({ upc }: { upc: string }) => REVIEWS.filter((r) => r.upc === upc).map(reviewAnswer),
    },
  },
};

export function subgraphSchema(name: SubgraphName): GraphQLSchema {
  return buildSubgraphSchema({
    typeDefs: parse(SUBGRAPH_SDL[name]),
    resolvers: RESOLVERS[name] as never,
  });
}
