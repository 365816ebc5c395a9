// The facts ledger's contract channels, mapped onto the archive's FactService (main/api/handlers.ts spreads
// them into the API). Validation already happened in dispatch().
import type { FactRequests, FactResponses } from '../../shared/facts-contract';
import type { Archive } from '../archive/archive';
import { withAgreement } from './values';

type FactApi = { [C in keyof FactRequests]: (request: FactRequests[C]) => Promise<FactResponses[C]> };

export function factHandlers(archive: Archive): FactApi {
  const facts = archive.facts;
  return {
    'mentions.extract': ({ docId }) => facts.extract(docId),
    'facts.propose': ({ docId }) => facts.propose(docId),
    'facts.list': ({ order, ...filter }) => facts.list({ ...filter, descending: order === 'desc' }),
    'facts.get': ({ id }) => facts.get(id),
    'facts.create': (input) => facts.create(input),
    'facts.update': ({ id, ...changes }) => facts.update(id, changes),
    'facts.accept': ({ id, changes }) => facts.accept(id, changes),
    'facts.reject': ({ id }) => facts.reject(id),
    'facts.delete': ({ id }) => facts.delete(id),
    'facts.addEvidence': ({ id, ...range }) => facts.addEvidence(id, range),
    'facts.removeEvidence': ({ id, annotationId }) => facts.removeEvidence(id, annotationId),
    'facts.setPreferred': ({ id, reason }) => facts.setPreferred(id, true, reason ?? ''),
    'facts.clearPreferred': ({ id }) => facts.setPreferred(id, false, ''),
    'facts.conflicts': async ({ scope }) => withAgreement(await facts.conflicts({ includeProposed: scope === 'all' })),
    'facts.timeline': ({ entityId, scope }) => facts.timeline({ entityId, includeProposed: scope === 'all' }),
    'facts.predicates': ({ prefix }) => facts.predicates(prefix),
    'facts.export': ({ format, ...filter }) => facts.export(format, filter),
    'entities.list': (options) => facts.listEntities(options),
    'entities.get': ({ id }) => facts.getEntity(id),
    'entities.update': ({ id, ...changes }) => facts.updateEntity(id, changes),
    'entities.merge': ({ targetId, sourceIds }) => facts.mergeEntities(targetId, sourceIds),
    'entities.split': ({ id, aliases, name }) => facts.splitEntity(id, aliases, name),
    'entities.addAlias': ({ id, alias }) => facts.addAlias(id, alias),
    'entities.mergeSuggestions': () => facts.mergeSuggestions(),
  };
}
