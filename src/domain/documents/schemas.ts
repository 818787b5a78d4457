import { z } from 'zod';
import { DOCUMENT_MAX_BYTES } from '../../db/schema.ts';
import { slugSchema } from '../sources/schemas.ts';

/** An editor's optional comment on a change: the audit entry's `reason`. */
export const reasonSchema = z.string().trim().max(2000).transform((v) => v || null).nullish();

export const attachDocumentSchema = z.object({
  /** `agreement`, or the slug of a source: which record the document belongs to. */
  attachTo: z.union([z.literal('agreement'), slugSchema], 'choose the agreement or one of its sources'),
  file: z.object(
    {
      // A name without folders or control characters, as it is offered back for download.
      name: z.string().trim().min(1, 'choose a file').max(255, 'has a name longer than 255 characters').regex(/^[^\\/\u0000-\u001f\u007f]+$/, 'has a name with a slash or a control character'),
      declaredType: z.string().max(200).nullish(),
      bytes: z
        .instanceof(Uint8Array, { message: 'choose a file' })
        .refine((b) => b.length > 0, 'is empty')
        .refine((b) => b.length <= DOCUMENT_MAX_BYTES, `is larger than ${DOCUMENT_MAX_BYTES / 1024 / 1024} MB`),
    },
    'choose a file',
  ),
  /** Public only when the record is public too: the public reads it then. */
  public: z.boolean().default(false),
  reason: reasonSchema,
});
export type AttachDocumentInput = z.input<typeof attachDocumentSchema>;
