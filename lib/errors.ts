/** The few ways a request can fail, each with its HTTP status and the sentence a person sees. */
export const ERROR_CODES = {
  unauthorized: { status: 401, message: 'Please sign in to do this.' },
  forbidden: { status: 403, message: 'Your account is not allowed to do this.' },
  not_found: { status: 404, message: 'That item does not exist or was removed.' },
  invalid: { status: 400, message: 'Some fields need attention.' },
  conflict: {
    status: 409,
    message: 'Someone else saved this in the meantime. Your changes are kept below; review theirs and save again.',
  },
  rate_limited: { status: 429, message: 'Too many attempts. Wait a few minutes and try again.' },
  unavailable: { status: 503, message: 'The service is busy. Try again in a moment.' },
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly fieldErrors: Record<string, string[]>;
  /** Extra data a screen may show (e.g. the other editor's version on a conflict). */
  readonly detail: unknown;

  constructor(
    code: ErrorCode,
    options: { message?: string; fieldErrors?: Record<string, string[]>; detail?: unknown } = {},
  ) {
    super(options.message ?? ERROR_CODES[code].message);
    this.name = 'AppError';
    this.code = code;
    this.status = ERROR_CODES[code].status;
    this.fieldErrors = options.fieldErrors ?? {};
    this.detail = options.detail;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** An `invalid` error about one form field, shown beside that field. */
export function fieldError(field: string, message: string): AppError {
  return new AppError('invalid', { fieldErrors: { [field]: [message] } });
}
