import { AuditCheckpointDbRow } from '../auditCheckpointDbRow';
import { AuditDbRow } from '../auditDbRow';

/**
 * Rows and a checkpoint as recorded by the audit store before the chain used RFC 8785 (the
 * store's own record() and takeCheckpoint() on SQLite, frozen here with their hashes): rows 1-3
 * unkeyed, rows 4-6 and the checkpoint keyed with TEST_CHAIN_KEY. Row 1 holds numbers and text
 * the two forms write alike; rows 2 and 6 hold array-index keys and row 3 a lone surrogate,
 * which they write differently.
 */
export const LEGACY_AUDIT_ROWS: AuditDbRow[] = [
  {
    id: 1,
    created_at: new Date('2026-12-06T02:43:02.130Z'),
    actor: 'user:default/alice',
    action: 'server.scale',
    entity_ref: 'cocktailserver:default/api',
    cluster: 'prod',
    namespace: 'payments',
    outcome: 'requested',
    error: null,
    details:
      '{"replicas":3,"ratio":0.1,"sum":0.30000000000000004,"big":1e+21,"justBelow":999999999999999900000,"tiny":1e-7,"negZero":0,"max":1.7976931348623157e+308,"unsafe":9007199254740992,"unicode":"서울 🍸 café \u2028\u2029 \\u0000\\u001f \\"quote\\" \\\\ </script>","z":null,"a":[3,1,{"y":true,"x":false},null,[],{}],"nested":{"β":1,"b":2,"B":3,"😀":4,"ｚ":5,"é":6,"e\u0301":7}}',
    previous_hash:
      '0000000000000000000000000000000000000000000000000000000000000000',
    hash: '053b63e382421c26c2356ac6e7dab2e363aed9572c93c15f3136db95b291e9f3',
    intent_id: null,
    key_id: null,
  },
  {
    id: 2,
    created_at: new Date('2026-12-06T02:43:02.132Z'),
    actor: 'user:default/alice',
    action: 'server.scale',
    entity_ref: 'cocktailserver:default/api',
    cluster: null,
    namespace: null,
    outcome: 'succeeded',
    error: null,
    details:
      '{"labels":{"2":"two","10":"ten","tier":"web","$ref":"x","-1":"minus"}}',
    previous_hash:
      '053b63e382421c26c2356ac6e7dab2e363aed9572c93c15f3136db95b291e9f3',
    hash: 'fd101b42bd1eecaa9cd9cb7a9aae5209cb3bef0298fcf18d2071e347ae65847b',
    intent_id: 1,
    key_id: null,
  },
  {
    id: 3,
    created_at: new Date('2026-12-06T02:43:02.133Z'),
    actor: 'user:default/bob',
    action: 'cluster.upgrade',
    entity_ref: null,
    cluster: null,
    namespace: null,
    outcome: 'failed',
    error: 'kubeadm: 업그레이드 실패, "v1.33" → v1.34\nsee logs',
    details: '{"message":"lone \\ud800 surrogate","key2":"x"}',
    previous_hash:
      'fd101b42bd1eecaa9cd9cb7a9aae5209cb3bef0298fcf18d2071e347ae65847b',
    hash: '51c07eca49eda024ae2479bb2b15b7385e10a9476a876b0659d5d2c0a1cc6408',
    intent_id: null,
    key_id: null,
  },
  {
    id: 4,
    created_at: new Date('2026-12-06T02:43:02.136Z'),
    actor: 'user:default/carol',
    action: 'cluster.create',
    entity_ref: 'cocktailcluster:default/payments-prod-2',
    cluster: null,
    namespace: null,
    outcome: 'succeeded',
    error: null,
    details:
      '{"nodePools":[{"replicas":2,"name":"workers"}],"version":"v1.33.1"}',
    previous_hash:
      '51c07eca49eda024ae2479bb2b15b7385e10a9476a876b0659d5d2c0a1cc6408',
    hash: '29084a8c614b71c0566aff7722295de413e36b2c6e2feabac618c1f149d959cb',
    intent_id: null,
    key_id: '2a1a6ca16a73626a',
  },
  {
    id: 5,
    created_at: new Date('2026-12-06T02:43:02.137Z'),
    actor: 'user:default/carol',
    action: 'server.rollback',
    entity_ref: null,
    cluster: null,
    namespace: null,
    outcome: 'denied',
    error: null,
    details: null,
    previous_hash:
      '29084a8c614b71c0566aff7722295de413e36b2c6e2feabac618c1f149d959cb',
    hash: '60a21103e0c8c752ffc752f282482bbcd386cc6568c5ff88187771d3be30f105',
    intent_id: null,
    key_id: '2a1a6ca16a73626a',
  },
  {
    id: 6,
    created_at: new Date('2026-12-06T02:43:02.138Z'),
    actor: 'user:default/carol',
    action: 'servicemap.provision',
    entity_ref: null,
    cluster: null,
    namespace: null,
    outcome: 'succeeded',
    error: null,
    details:
      '{"data":{"0":"zero","9":"nine","10":"ten"},"list":[{"1":1,"a":"a"}]}',
    previous_hash:
      '60a21103e0c8c752ffc752f282482bbcd386cc6568c5ff88187771d3be30f105',
    hash: '7a6333fb3aa8c56a32126bf842d0591874889e7d2b2d7be3b24eb4d3417ff022',
    intent_id: null,
    key_id: '2a1a6ca16a73626a',
  },
];

export const LEGACY_AUDIT_CHECKPOINTS: AuditCheckpointDbRow[] = [
  {
    id: 1,
    created_at: new Date('2026-12-06T02:43:02.139Z'),
    row_count: 6,
    head_row_id: 6,
    head_hash:
      '7a6333fb3aa8c56a32126bf842d0591874889e7d2b2d7be3b24eb4d3417ff022',
    key_id: '2a1a6ca16a73626a',
    previous_hash:
      '0000000000000000000000000000000000000000000000000000000000000000',
    hash: '130c6dd85e297119287c1634f21d779b43f8f49075874aa1429d243f1dceb83a',
  },
];
