/** The one error a refused document raises: the message says what was refused and where. */
export class DocumentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DocumentError';
  }
}

/** "12.3 MB" for messages. */
export const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

const KINDS: Record<string, string> = {
  'application/pdf': 'PDF',
  'text/html': 'HTML page',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX document',
};

/** "PDF", "HTML page", "DOCX document" (else the media type) for messages. */
export const kindName = (type: string): string => KINDS[type] ?? type;
