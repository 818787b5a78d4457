// Networks of bodies in the browser (`/natverk`). Reading: everyone, each
// as far as they may (the verbs, access.ts). Forms follow post/redirect/get:
// a failed post renders the same page with the verb's problems and what was
// typed. Who may post is the verbs' (a coordinator makes a network; its
// keepers add members and meetings; its members write notes); a visitor who
// is not signed in is sent to sign in first.
import { Hono, type Context as HonoContext } from 'hono';
import { HTTP_STATUS } from '../../api/errors.ts';
import type { Database } from '../../db/client.ts';
import { requireCoordinator } from '../../domain/access.ts';
import type { Context } from '../../domain/context.ts';
import {
  addNetworkMeeting,
  addNetworkMember,
  addNetworkNote,
  changeNetwork,
  changeNetworkMeeting,
  createNetwork,
  endNetwork,
  getNetwork,
  getNetworkMeeting,
  listNetworks,
  memberChoices,
  readableNetwork,
  removeNetworkMember,
  reopenNetwork,
} from '../../domain/coordination/networks.ts';
import { attachMeetingDocument } from '../../domain/documents/attach.ts';
import { documentsOfMeeting } from '../../domain/documents/read.ts';
import { removeDocument } from '../../domain/documents/remove.ts';
import { DOCUMENT_MAX_BYTES } from '../../db/schema.ts';
import { bodyLimit } from 'hono/body-limit';
import { DomainError } from '../../domain/errors.ts';
import { forOnePerson, requireFormToken } from '../../http/csrf.ts';
import { uploadedDocument } from '../../http/document-upload.ts';
import { readForm } from '../../http/form-body.ts';
import { langOf } from '../../http/query.ts';
import { principalOf, requireSignedIn } from '../../http/session.ts';
import { href } from '../layout.tsx';
import { idOf, strings } from './routes.tsx';
import { CHANGE_NETWORK_FIELDS, DOCUMENT_FIELDS, END_NETWORK_FIELDS, REOPEN_NETWORK_FIELDS, MEETING_FIELDS, MEMBER_FIELDS, MeetingPage, NETWORK_FIELDS, NetworkPage, NetworksPage, NOTE_FIELDS, type Failed, type NetworkPageProps } from './networks-page.tsx';

/** A verb's VALIDATION as the form's problems; anything else goes on to the error pages. */
function failedWith(error: unknown, typed: Record<string, string>): Failed {
  if (!(error instanceof DomainError) || error.code !== 'VALIDATION') throw error;
  return { problems: error.problems, typed };
}

// Ending a network is said by its ended notice (networks-page.tsx), once: `klart=avslutat` has no line here.
const DONE: Record<string, { sv: string; en: string }> = {
  natverk: { sv: 'Nätverket är startat.', en: 'The network is started.' },
  medlem: { sv: 'Medlemmen är tillagd.', en: 'The member is added.' },
  mote: { sv: 'Mötet är registrerat.', en: 'The meeting is recorded.' },
  anteckning: { sv: 'Anteckningen är sparad.', en: 'The note is saved.' },
  andrat: { sv: 'Mötet är sparat.', en: 'The meeting is saved.' },
  'medlem-borttagen': { sv: 'Medlemmen är borttagen ur nätverket.', en: 'The member is removed from the network.' },
  dokument: { sv: 'Dokumentet är tillagt.', en: 'The document is added.' },
  'dokument-borttaget': { sv: 'Dokumentet är borttaget.', en: 'The document is removed.' },
  'natverk-andrat': { sv: 'Nätverket är sparat.', en: 'The network is saved.' },
  ateroppnat: { sv: 'Nätverket är öppnat igen.', en: 'The network is reopened.' },
};

export function networkRoutes(database: Database) {
  const web = new Hono();
  for (const path of ['/natverk', '/natverk/*']) web.use(path, forOnePerson());
  const ctxOf = (c: HonoContext): Context => ({ db: database.db, principal: principalOf(c) });
  const doneOf = (c: HonoContext) => DONE[c.req.query('klart') ?? '']?.[langOf(c)];

  const renderList = async (c: HonoContext, failed?: Failed, status = 200) => {
    const ctx = ctxOf(c);
    const signedIn = c.get('signedIn');
    const mayCreate = signedIn?.role === 'coordinator' || signedIn?.role === 'admin';
    c.status(status as 200);
    return c.html(<NetworksPage lang={langOf(c)} account={signedIn?.displayName} csrf={signedIn?.csrfToken} networks={await listNetworks(ctx)} mayCreate={mayCreate} failed={failed} />);
  };
  web.get('/natverk', (c) => renderList(c));
  web.post('/natverk', async (c) => {
    requireSignedIn(c);
    const form = await readForm(c);
    requireFormToken(c, form);
    const ctx = ctxOf(c);
    requireCoordinator(ctx); // before the input: who may not make one is told so, whatever they sent
    const typed = strings(form, NETWORK_FIELDS);
    try {
      const network = await createNetwork({ ctx, input: { ...typed, name: typed.name ?? '', kind: typed.kind as never, visibility: typed.visibility as never } });
      return c.redirect(href(langOf(c), `/natverk/${network.id}`, { klart: 'natverk' }), 303);
    } catch (error) {
      return renderList(c, failedWith(error, typed), HTTP_STATUS.VALIDATION);
    }
  });

  const renderNetwork = async (c: HonoContext, extra: Partial<NetworkPageProps> = {}, status = 200) => {
    const ctx = ctxOf(c);
    const id = idOf(c.req.param('id') ?? '');
    const [network, choices] = await Promise.all([getNetwork(ctx, id), c.get('signedIn') ? memberChoices(ctx, id) : []]);
    const signedIn = c.get('signedIn');
    c.status(status as 200);
    return c.html(<NetworkPage lang={langOf(c)} account={signedIn?.displayName} csrf={signedIn?.csrfToken} network={network} choices={choices} done={doneOf(c)} justEnded={c.req.query('klart') === 'avslutat'} {...extra} />);
  };
  web.get('/natverk/:id', (c) => renderNetwork(c));

  /** Whether a verb's conflict is the network's end (the verbs refuse an ended network before anything else): read again after the refusal. */
  const refusedAsEnded = async (ctx: Context, networkId: number, error: unknown) => error instanceof DomainError && error.code === 'CONFLICT' && !!(await readableNetwork(ctx, networkId)).endedOn;

  /** A form posted about the network the path names: its fields (the token checked), the caller's context and the network's id. */
  const posted = async <K extends string>(c: HonoContext, fields: readonly K[]) => {
    requireSignedIn(c);
    const form = await readForm(c);
    requireFormToken(c, form);
    return { ctx: ctxOf(c), typed: strings(form, fields), networkId: idOf(c.req.param('id') ?? '') };
  };
  const networkForm = (path: string, form: NonNullable<NetworkPageProps['failed']>['form'], fields: readonly string[], verb: (ctx: Context, networkId: number, typed: Record<string, string>) => Promise<unknown>, done: string) =>
    web.post(path, async (c) => {
      const { ctx, typed, networkId } = await posted(c, fields);
      try {
        await verb(ctx, networkId, typed);
        return c.redirect(href(langOf(c), `/natverk/${networkId}`, { klart: done }), 303);
      } catch (error) {
        // A form that carries the version: a stale one (or a network ended meanwhile) keeps what was typed. Elsewhere a conflict (an ended network) goes to the error page.
        if (error instanceof DomainError && error.code === 'CONFLICT' && (form === 'changeNetwork' || form === 'endNetwork' || form === 'reopenNetwork')) {
          // The page shows the network as saved now; the form keeps what was typed, at the new version.
          const { endedOn } = await readableNetwork(ctx, networkId);
          const stale = 'the network was changed by someone else since the form was opened: it shows now as saved, and the form keeps what you wrote';
          const message = form === 'reopenNetwork' ? (endedOn ? stale : 'the network is not ended: it shows now as saved') : endedOn ? `the network ended on ${endedOn}: it shows now as saved` : stale;
          const problems = [{ field: 'expectedVersion', message }];
          return renderNetwork(c, { failed: { form, failed: { problems, typed } } }, HTTP_STATUS.CONFLICT);
        }
        // A form of an ended network (a page opened before its end): the page says why nothing was saved.
        if (await refusedAsEnded(ctx, networkId, error)) return renderNetwork(c, { refusedEnded: true }, HTTP_STATUS.CONFLICT);
        return renderNetwork(c, { failed: { form, failed: failedWith(error, typed) } }, HTTP_STATUS.VALIDATION);
      }
    });
  networkForm('/natverk/:id/medlemmar', 'member', MEMBER_FIELDS, (ctx, networkId, typed) => addNetworkMember({ ctx, networkId, input: { organisation: typed.organisation! } }), 'medlem');
  networkForm('/natverk/:id/medlemmar/ta-bort', 'removeMember', MEMBER_FIELDS, (ctx, networkId, typed) => removeNetworkMember({ ctx, networkId, input: { organisation: typed.organisation! } }), 'medlem-borttagen');
  networkForm('/natverk/:id/moten', 'meeting', MEETING_FIELDS, (ctx, networkId, { expectedVersion: _v, ...input }) => addNetworkMeeting({ ctx, networkId, input: input as never }), 'mote');
  networkForm('/natverk/:id/andra', 'changeNetwork', CHANGE_NETWORK_FIELDS, (ctx, networkId, { expectedVersion, ...typed }) => changeNetwork({ ctx, networkId, input: { ...typed, name: typed.name ?? '', kind: typed.kind as never, visibility: typed.visibility as never, expectedVersion } }), 'natverk-andrat');
  networkForm('/natverk/:id/avsluta', 'endNetwork', END_NETWORK_FIELDS, (ctx, networkId, typed) => endNetwork({ ctx, networkId, input: { endedOn: typed.endedOn!, expectedVersion: typed.expectedVersion } }), 'avslutat');
  networkForm('/natverk/:id/ateroppna', 'reopenNetwork', REOPEN_NETWORK_FIELDS, (ctx, networkId, typed) => reopenNetwork({ ctx, networkId, input: { expectedVersion: typed.expectedVersion } }), 'ateroppnat');
  networkForm('/natverk/:id/anteckningar', 'note', NOTE_FIELDS, (ctx, networkId, typed) => addNetworkNote({ ctx, networkId, input: { body: typed.body! } }), 'anteckning');

  const renderMeeting = async (c: HonoContext, failed?: Failed, status = 200, failedDocument?: Failed, refusedEnded = false) => {
    const ctx = ctxOf(c);
    const [networkId, meetingId] = [idOf(c.req.param('id') ?? ''), idOf(c.req.param('meeting') ?? '')];
    const { network, meeting } = await getNetworkMeeting(ctx, networkId, meetingId);
    const documents = await documentsOfMeeting({ ctx, network: await readableNetwork(ctx, networkId), meetingId });
    const signedIn = c.get('signedIn');
    c.status(status as 200);
    return c.html(
      <MeetingPage lang={langOf(c)} account={signedIn?.displayName} csrf={signedIn?.csrfToken} network={network} meeting={meeting} documents={documents} failed={failed} failedDocument={failedDocument} done={doneOf(c)} refusedEnded={refusedEnded} />,
    );
  };
  web.get('/natverk/:id/moten/:meeting', (c) => renderMeeting(c));
  web.post('/natverk/:id/moten/:meeting', async (c) => {
    const { ctx, typed, networkId } = await posted(c, MEETING_FIELDS);
    const meetingId = idOf(c.req.param('meeting') ?? '');
    try {
      await changeNetworkMeeting({ ctx, networkId, meetingId, input: typed as never });
      return c.redirect(href(langOf(c), `/natverk/${networkId}/moten/${meetingId}`, { klart: 'andrat' }), 303);
    } catch (error) {
      if (await refusedAsEnded(ctx, networkId, error)) return renderMeeting(c, undefined, HTTP_STATUS.CONFLICT, undefined, true);
      if (error instanceof DomainError && error.code === 'CONFLICT') {
        return renderMeeting(c, { problems: [{ field: 'expectedVersion', message: 'the meeting was changed by someone else since the form was opened: it shows now as saved' }], typed: {} }, HTTP_STATUS.CONFLICT);
      }
      return renderMeeting(c, failedWith(error, typed), HTTP_STATUS.VALIDATION);
    }
  });

  // A meeting's documents: added (multipart; the request may be a little larger than the document) and removed by the network's members (the verbs).
  const meetingPath = (c: HonoContext, done: string) => `${href(langOf(c), `/natverk/${c.req.param('id')}/moten/${c.req.param('meeting')}`, { klart: done })}#dokument`;
  const tooLarge = bodyLimit({
    maxSize: DOCUMENT_MAX_BYTES + 64 * 1024,
    onError: (c) => {
      requireSignedIn(c);
      return renderMeeting(c, undefined, 413, { problems: [{ field: 'file', message: `is larger than ${DOCUMENT_MAX_BYTES / 1024 / 1024} MB` }], typed: {} });
    },
  });
  web.post('/natverk/:id/moten/:meeting/dokument', tooLarge, async (c) => {
    requireSignedIn(c);
    const form = await readForm(c, { files: true });
    requireFormToken(c, form);
    const typed = strings(form, DOCUMENT_FIELDS);
    const [ctx, networkId] = [ctxOf(c), idOf(c.req.param('id') ?? '')];
    try {
      await attachMeetingDocument({ ctx, networkId, meetingId: idOf(c.req.param('meeting') ?? ''), input: await uploadedDocument(form) });
      return c.redirect(meetingPath(c, 'dokument'), 303);
    } catch (error) {
      if (await refusedAsEnded(ctx, networkId, error)) return renderMeeting(c, undefined, HTTP_STATUS.CONFLICT, undefined, true);
      return renderMeeting(c, undefined, HTTP_STATUS.VALIDATION, failedWith(error, typed));
    }
  });
  web.post('/natverk/:id/moten/:meeting/dokument/:document/ta-bort', async (c) => {
    const { ctx, networkId } = await posted(c, []);
    const meetingId = idOf(c.req.param('meeting') ?? '');
    await removeDocument({ ctx, id: idOf(c.req.param('document') ?? ''), meeting: { networkId, meetingId }, input: {} });
    return c.redirect(meetingPath(c, 'dokument-borttaget'), 303);
  });
  return web;
}
