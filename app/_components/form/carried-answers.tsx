/** The answers of a question-a-page flow not asked on this page, kept in the form as it moves between pages. */
export function CarriedAnswers({ values, except }: { values: Record<string, string>; except: string[] }) {
  return (
    <>
      {Object.entries(values)
        .filter(([name]) => !except.includes(name))
        .map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
    </>
  );
}
