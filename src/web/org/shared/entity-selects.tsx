/** Server-searched selects for the organization model's entities. */
import { api, call } from '../../api/client.js';
import { boolParam, type OrgKind } from '../../api/types.js';
import { RemoteSelect, type RemoteOption, type RemoteSelectProps } from '../../common/remote-select.js';

/** The first matches of the typed text (all rows when it is empty). */
function byText(q: string) {
  return { limit: 20, ...(q ? { q } : {}) };
}

/** Organizations matching the text, optionally of one kind or within a node's subtree. */
export async function searchOrganizations(q: string, filter: { kind?: OrgKind; nodeId?: number } = {}): Promise<RemoteOption[]> {
  const { kind, nodeId } = filter;
  const query = { ...byText(q), ...(kind ? { kind } : {}), ...(nodeId ? { nodeId, subtree: boolParam(true) } : {}) };
  const page = await call(api.GET('/api/org/organizations', { params: { query } }));
  return page.items.map((o) => ({ value: o.id, label: `${o.name}（${o.nodeName}）` }));
}

export function OrgSelect({ kind, nodeId, ...props }: RemoteSelectProps & { kind?: OrgKind; nodeId?: number }) {
  return <RemoteSelect {...props} queryKey={['org', 'organizations', 'options', kind ?? null, nodeId ?? null]} search={(q) => searchOrganizations(q, { kind, nodeId })} />;
}

export function PersonSelect(props: RemoteSelectProps) {
  return (
    <RemoteSelect
      {...props}
      queryKey={['org', 'people', 'options']}
      search={async (q) => {
        const page = await call(api.GET('/api/org/people', { params: { query: byText(q) } }));
        return page.items.map((p) => ({ value: p.id, label: p.phone ? `${p.name}（${p.nodeName}）` : p.name }));
      }}
    />
  );
}

export function AccountSelect(props: RemoteSelectProps) {
  return (
    <RemoteSelect
      {...props}
      queryKey={['org', 'accounts', 'options']}
      search={async (q) => {
        const page = await call(api.GET('/api/org/accounts', { params: { query: byText(q) } }));
        return page.items.map((a) => ({ value: a.id, label: a.username ? `${a.displayName}（${a.username}）` : a.displayName }));
      }}
    />
  );
}

/** Posts of one organization (none until an organization is chosen). */
export function PostSelect({ orgId, ...props }: RemoteSelectProps & { orgId: number | null | undefined }) {
  return (
    <RemoteSelect
      {...props}
      disabled={props.disabled || !orgId}
      queryKey={['org', 'posts', 'options', orgId ?? null]}
      search={async () => {
        if (!orgId) return [];
        const page = await call(api.GET('/api/org/posts', { params: { query: { orgId, limit: 200 } } }));
        return page.items.map((p) => ({ value: p.id, label: p.personName ? `${p.title} · ${p.personName}` : p.title }));
      }}
    />
  );
}
