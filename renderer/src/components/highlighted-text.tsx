import { splitByFindings } from "./split-by-findings.js";

/** Text with each finding marked by type; placeholders in sent text are marked too. */
export function HighlightedText({ text, findings, label }: { text: string; findings: ReadonlyArray<{ start: number; end: number; type: string }>; label: string }) {
  return (
    <pre className="text-block" aria-label={label} tabIndex={0}>
      {splitByFindings(text, findings).map((segment, index) =>
        segment.type ? (
          <mark key={index} className="finding" data-finding-type={segment.type} title={segment.type}>
            {segment.text}
          </mark>
        ) : (
          <span key={index}>{segment.text}</span>
        ),
      )}
    </pre>
  );
}
