/** What is wrong with the settings a panel edits, one problem per line, announced as it appears; nothing when none. */
export function ProblemList({ problems }: { problems: readonly string[] }) {
  if (problems.length === 0) return null;
  return (
    <ul className="settings__problems" role="alert">
      {problems.map((problem, index) => (
        <li key={index}>{problem}</li>
      ))}
    </ul>
  );
}
