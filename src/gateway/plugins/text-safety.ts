import type { FastifySchemaCompiler } from 'fastify';

/**
 * Text PostgreSQL cannot store: a NUL character (refused in text and jsonb) or a lone UTF-16 surrogate
 * (no UTF-8 encoding). Either, in any field of any request, used to reach the database and come back as
 * a 500. Found with an explicit stack, not recursion: a body nested 50,000 deep must not overflow it.
 */
export function findUnsafeText(value: unknown): { path: string; problem: string } | undefined {
  const stack: [unknown, string][] = [[value, '']];
  while (stack.length > 0) {
    const [current, path] = stack.pop()!;
    if (typeof current === 'string') {
      const problem = textProblem(current);
      if (problem) return { path, problem };
    } else if (Array.isArray(current)) {
      current.forEach((item, i) => stack.push([item, `${path}/${i}`]));
    } else if (current !== null && typeof current === 'object') {
      for (const [key, item] of Object.entries(current)) {
        const keyProblem = textProblem(key);
        if (keyProblem) return { path, problem: `has a field name that ${keyProblem}` };
        stack.push([item, `${path}/${key}`]);
      }
    }
  }
  return undefined;
}

// With the u flag a well-formed pair is one code point: only a lone surrogate is left in category Cs.
const LONE_SURROGATE = /\p{Cs}/u;

function textProblem(text: string): string | undefined {
  if (text.includes('\u0000')) return 'contains a NUL character (\\u0000), which text cannot hold';
  if (LONE_SURROGATE.test(text)) return 'contains an unpaired UTF-16 surrogate (not valid Unicode text)';
  return undefined;
}

/** Wraps a validator compiler: every body, query, params and headers schema first refuses unsafe text (400 validation_failed). */
export function withTextSafety<S>(compile: FastifySchemaCompiler<S>): FastifySchemaCompiler<S> {
  return (route) => {
    const validate = compile(route);
    return (data: unknown) => {
      const unsafe = findUnsafeText(data);
      // An array of issues: Fastify makes it a FST_ERR_VALIDATION error, which the errors plugin words.
      if (unsafe) return { error: [{ instancePath: unsafe.path, message: unsafe.problem }] } as never;
      return validate(data);
    };
  };
}
