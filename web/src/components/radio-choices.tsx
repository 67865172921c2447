/** A group of radio buttons, one per option, labelled for keyboard and screen-reader use. */
export function RadioChoices<T extends string>({
  name,
  options,
  value,
  onChange,
}: {
  name: string;
  options: ReadonlyArray<{ value: T; label: string; detail?: string }>;
  value: T;
  onChange(value: T): void;
}) {
  return options.map((option) => (
    <label key={option.value} className="choice">
      <input
        type="radio"
        name={name}
        value={option.value}
        checked={value === option.value}
        onChange={() => onChange(option.value)}
      />
      <span>
        {option.detail ? <strong>{option.label}</strong> : option.label}
        {option.detail && <span className="muted"> {option.detail}</span>}
      </span>
    </label>
  ));
}
