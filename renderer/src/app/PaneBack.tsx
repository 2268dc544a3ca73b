/**
 * "← Back" from a detail to the list it was opened from. Shown only where one pane is shown at a
 * time (portrait tablet and phone, styles/layout.css); at 1280×800 list and detail sit side by side.
 */
export function PaneBack({ label, testId, onBack }: { label: string; testId: string; onBack(): void }) {
  return (
    <button type="button" className="button pane-back" data-testid={testId} onClick={onBack}>
      <span aria-hidden="true">←</span> {label}
    </button>
  );
}
