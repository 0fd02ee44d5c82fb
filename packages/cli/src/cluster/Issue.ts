/** A problem with the command's input, with the request field it concerns. */
export interface Issue {
  field: string;
  message: string;
}

/** `field: message`, one per line, as the command prints them. */
export function formatIssues(issues: Issue[]): string {
  return issues
    .map(issue =>
      issue.field ? `${issue.field}: ${issue.message}` : issue.message,
    )
    .join('\n');
}
