/** Reusable zod fields: every string crossing the contract is checked and NFC-normalized here. */
import { z } from 'zod';
import { CREDIBILITY, RELIABILITY } from '../grades';
import { normalizeText, textProblem } from '../text';

export const MAX_TEXT = 200_000;

/** A stored text field: valid Unicode, no NUL, NFC, trimmed, length-capped. */
export const text = (max = MAX_TEXT) =>
  z
    .string()
    .max(max, `must be at most ${max} characters`)
    .superRefine((s, ctx) => {
      const problem = textProblem(s);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .transform((s) => normalizeText(s).trim());

export const requiredText = (max = MAX_TEXT) =>
  text(max).refine((s) => s.length > 0, 'must not be empty');

export const optionalText = (max = MAX_TEXT) => text(max).nullish();

export const id = z.string().min(1, 'must not be empty').max(64, 'is not an id');

export const isoDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be a date like 2025-01-20 (or 2025-01, or 2025)');

export const reliability = z.enum(RELIABILITY, { message: 'must be an Admiralty reliability grade A–F' });
export const credibility = z
  .number()
  .int()
  .refine((n) => (CREDIBILITY as readonly number[]).includes(n), 'must be an Admiralty credibility 1–6')
  .transform((n) => n as (typeof CREDIBILITY)[number]);

export const probability = z
  .number()
  .gt(0, 'must be above 0')
  .lt(1, 'must be below 1');

export const weight = z.number().min(0, 'must be 0 to 2').max(2, 'must be 0 to 2');

export const tagName = requiredText(100).refine((s) => !/[,\n]/.test(s), 'must not contain a comma or line break');

export const rationale = requiredText(20_000);

export const paging = {
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(1000).default(100),
};

export const url = z
  .string()
  .max(4000)
  .refine((s) => {
    try {
      const u = new URL(s);
      return ['http:', 'https:', 'mailto:', 'doi:', 'urn:'].includes(u.protocol);
    } catch {
      return false;
    }
  }, 'must be an http(s), mailto, doi or urn address');
