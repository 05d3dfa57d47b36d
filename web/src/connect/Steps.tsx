/** Where the person is in the three steps, so the page says how much is left. */
const STEPS = [
  { kind: 'pick', label: 'Choose your system' },
  { kind: 'form', label: 'Sign in to it' },
  { kind: 'done', label: 'Copy your token' },
] as const;

export function Steps({ current, systemLocked }: { current: 'pick' | 'form' | 'done'; systemLocked: boolean }) {
  const at = STEPS.findIndex((s) => s.kind === current);
  // A link made for one system skips the choice: no point showing a step nobody takes.
  const shown = systemLocked ? STEPS.slice(1) : STEPS;
  return (
    <ol className="steps" aria-label="Steps">
      {shown.map((step, i) => {
        const index = STEPS.indexOf(step);
        const state = index < at ? 'done' : index === at ? 'current' : 'todo';
        return (
          <li key={step.kind} className={`step step-${state}`} aria-current={state === 'current' ? 'step' : undefined}>
            <span className="step-number" aria-hidden="true">
              {state === 'done' ? '✓' : i + 1}
            </span>
            <span className="step-label">{step.label}</span>
            {state === 'done' && <span className="visually-hidden"> (done)</span>}
          </li>
        );
      })}
    </ol>
  );
}
