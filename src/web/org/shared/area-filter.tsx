/**
 * The area filter of the organization lists: a node of the tree, and whether the nodes below
 * it count too (they do until unticked; the tick shows once a node is chosen).
 */
import { Checkbox } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { boolParam } from '../../api/types.js';
import { NodeSelect } from './node-select.js';

export function useAreaFilter() {
  const [nodeId, setNodeId] = useState<number | null>(null);
  const [subtree, setSubtree] = useState(true);
  // The list endpoints' parameters; none while no node is chosen.
  const query = nodeId ? { nodeId, subtree: boolParam(subtree) } : {};
  return { nodeId, subtree, setNodeId, setSubtree, query };
}

export type AreaFilterState = ReturnType<typeof useAreaFilter>;

interface Props {
  area: AreaFilterState;
  placeholder: string;
  /** Called when another node is chosen (e.g. back to the first page). */
  onNodeChange: () => void;
}

export function AreaFilter({ area, placeholder, onNodeChange }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <NodeSelect value={area.nodeId} onChange={(v) => { area.setNodeId(v); onNodeChange(); }} placeholder={placeholder} />
      {area.nodeId ? <Checkbox checked={area.subtree} onChange={(e) => area.setSubtree(e.target.checked)}>{t('common.includeSubtree')}</Checkbox> : null}
    </>
  );
}
