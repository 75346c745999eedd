export type SelectOption = { value: string; label: string };

/** A labelled select whose first choice, `anyLabel`, means "no filter" (an empty value). */
export function SelectField({
  label,
  name,
  options,
  anyLabel,
  defaultValue,
  id,
  className = "field",
}: {
  label: string;
  name: string;
  options: SelectOption[];
  anyLabel: string;
  defaultValue?: string;
  id?: string;
  className?: string;
}) {
  return (
    <label className={className} htmlFor={id}>
      <span>{label}</span>
      <select id={id} name={name} defaultValue={defaultValue ?? ""}>
        <option value="">{anyLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}
