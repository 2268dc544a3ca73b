/** A labelled text field of the supervisor's settings cards (meter models, meter keys). */
export function SettingsField(props: { label: string; value: string; maxLength: number; onChange(value: string): void; testId: string }) {
  return (
    <label>
      {props.label}
      <input
        className="review-input"
        value={props.value}
        maxLength={props.maxLength}
        onChange={(e) => props.onChange(e.target.value)}
        data-testid={props.testId}
      />
    </label>
  );
}
