import {
  applyJsonPatch,
  applyMergePatch,
  applyStrategicMergePatch,
  listMergeKey,
  PatchError,
  patchContentTypes,
} from './patch';

describe('applyJsonPatch', () => {
  it('adds a member to an object', () => {
    expect(
      applyJsonPatch({ a: 1 }, [{ op: 'add', path: '/b', value: 2 }]),
    ).toEqual({ a: 1, b: 2 });
  });

  it('inserts into an array before the given index', () => {
    expect(
      applyJsonPatch({ list: [1, 3] }, [
        { op: 'add', path: '/list/1', value: 2 },
      ]),
    ).toEqual({ list: [1, 2, 3] });
  });

  it('appends to an array when the index is -', () => {
    expect(
      applyJsonPatch({ list: [1] }, [{ op: 'add', path: '/list/-', value: 2 }]),
    ).toEqual({ list: [1, 2] });
  });

  it('replaces the whole document when adding at the empty path', () => {
    expect(applyJsonPatch({ a: 1 }, [{ op: 'add', path: '', value: 5 }])).toBe(
      5,
    );
  });

  it('rejects an add past the end of an array', () => {
    expect(() =>
      applyJsonPatch({ list: [1] }, [{ op: 'add', path: '/list/3', value: 2 }]),
    ).toThrow(new PatchError('index 3 in "/list/3" is past the end'));
  });

  it('rejects an add whose parent does not exist', () => {
    expect(() =>
      applyJsonPatch({}, [{ op: 'add', path: '/a/b', value: 1 }]),
    ).toThrow(new PatchError('path "/a" does not exist'));
  });

  it('removes a member of an object', () => {
    expect(
      applyJsonPatch({ a: 1, b: 2 }, [{ op: 'remove', path: '/a' }]),
    ).toEqual({ b: 2 });
  });

  it('removes an item of an array', () => {
    expect(
      applyJsonPatch({ list: [1, 2, 3] }, [{ op: 'remove', path: '/list/1' }]),
    ).toEqual({ list: [1, 3] });
  });

  it('rejects removing a missing member', () => {
    expect(() =>
      applyJsonPatch({ a: 1 }, [{ op: 'remove', path: '/b' }]),
    ).toThrow(new PatchError('path "/b" does not exist'));
  });

  it('replaces an existing value', () => {
    expect(
      applyJsonPatch({ a: { b: 1 } }, [
        { op: 'replace', path: '/a/b', value: 2 },
      ]),
    ).toEqual({ a: { b: 2 } });
  });

  it('replaces an array item in place', () => {
    expect(
      applyJsonPatch({ list: [1, 2, 3] }, [
        { op: 'replace', path: '/list/1', value: 9 },
      ]),
    ).toEqual({ list: [1, 9, 3] });
  });

  it('rejects replacing a missing value', () => {
    expect(() =>
      applyJsonPatch({ a: 1 }, [{ op: 'replace', path: '/b', value: 2 }]),
    ).toThrow(new PatchError('path "/b" does not exist'));
  });

  it('moves a value from one path to another', () => {
    expect(
      applyJsonPatch({ a: { x: 1 }, b: {} }, [
        { op: 'move', from: '/a/x', path: '/b/y' },
      ]),
    ).toEqual({ a: {}, b: { y: 1 } });
  });

  it('rejects moving a value into its own child', () => {
    expect(() =>
      applyJsonPatch({ a: { b: {} } }, [
        { op: 'move', from: '/a', path: '/a/b/c' },
      ]),
    ).toThrow(
      new PatchError('operation 0 moves "/a" into its own child "/a/b/c"'),
    );
  });

  it('rejects moving from a missing path', () => {
    expect(() =>
      applyJsonPatch({}, [{ op: 'move', from: '/a', path: '/b' }]),
    ).toThrow(new PatchError('path "/a" does not exist'));
  });

  it('copies a value without linking the two copies', () => {
    const result = applyJsonPatch({ a: { x: 1 } }, [
      { op: 'copy', from: '/a', path: '/b' },
      { op: 'replace', path: '/b/x', value: 2 },
    ]);
    expect(result).toEqual({ a: { x: 1 }, b: { x: 2 } });
  });

  it('rejects copying from a missing path', () => {
    expect(() =>
      applyJsonPatch({}, [{ op: 'copy', from: '/a', path: '/b' }]),
    ).toThrow(new PatchError('path "/a" does not exist'));
  });

  it('passes a test whose value is deeply equal', () => {
    expect(
      applyJsonPatch({ a: { b: [1, 2] } }, [
        { op: 'test', path: '/a', value: { b: [1, 2] } },
      ]),
    ).toEqual({ a: { b: [1, 2] } });
  });

  it('rejects a failed test', () => {
    expect(() =>
      applyJsonPatch({ a: 1 }, [{ op: 'test', path: '/a', value: 2 }]),
    ).toThrow(new PatchError('test failed: the value at "/a" is not 2'));
  });

  it('reports failures as a PatchError', () => {
    expect(() =>
      applyJsonPatch({ a: 1 }, [{ op: 'test', path: '/a', value: 2 }]),
    ).toThrow(PatchError);
  });

  it('rejects a test of a missing path', () => {
    expect(() =>
      applyJsonPatch({}, [{ op: 'test', path: '/a', value: 1 }]),
    ).toThrow(new PatchError('path "/a" does not exist'));
  });

  it('unescapes ~1 to a slash and ~0 to a tilde in pointers', () => {
    expect(
      applyJsonPatch({ annotations: {} }, [
        { op: 'add', path: '/annotations/example.com~1owner~0x', value: 'me' },
      ]),
    ).toEqual({ annotations: { 'example.com/owner~x': 'me' } });
  });

  it('rejects an unknown op', () => {
    expect(() => applyJsonPatch({}, [{ op: 'merge', path: '/a' }])).toThrow(
      new PatchError('operation 0 has an unknown op "merge"'),
    );
  });

  it('rejects an operation without a value where one is needed', () => {
    expect(() => applyJsonPatch({}, [{ op: 'add', path: '/a' }])).toThrow(
      new PatchError('operation 0 (add) has no "value"'),
    );
  });

  it('rejects a pointer that does not start with a slash', () => {
    expect(() =>
      applyJsonPatch({}, [{ op: 'add', path: 'a', value: 1 }]),
    ).toThrow(new PatchError('"a" is not a JSON pointer'));
  });

  it('rejects an array index that is not a number', () => {
    expect(() =>
      applyJsonPatch({ list: [1] }, [{ op: 'remove', path: '/list/x' }]),
    ).toThrow(new PatchError('"x" in "/list/x" is not an array index'));
  });

  it('rejects a patch that is not an array', () => {
    expect(() => applyJsonPatch({}, { op: 'add' })).toThrow(
      new PatchError('a JSON patch must be an array of operations'),
    );
  });

  it('leaves the target unchanged', () => {
    const target = { a: { b: [1] } };
    applyJsonPatch(target, [
      { op: 'add', path: '/a/b/-', value: 2 },
      { op: 'add', path: '/c', value: 3 },
    ]);
    expect(target).toEqual({ a: { b: [1] } });
  });
});

describe('applyMergePatch', () => {
  it('deletes a key whose patch value is null', () => {
    expect(applyMergePatch({ a: 1, b: 2 }, { a: null })).toEqual({ b: 2 });
  });

  it('merges nested objects', () => {
    expect(
      applyMergePatch(
        { spec: { replicas: 1, paused: true } },
        {
          spec: { replicas: 3 },
        },
      ),
    ).toEqual({ spec: { replicas: 3, paused: true } });
  });

  it('replaces arrays whole', () => {
    expect(applyMergePatch({ list: [1, 2, 3] }, { list: [4] })).toEqual({
      list: [4],
    });
  });

  it('replaces the target when the patch is not an object', () => {
    expect(applyMergePatch({ a: 1 }, [1, 2])).toEqual([1, 2]);
  });

  it('leaves the target and the patch unchanged', () => {
    const target = { a: { b: 1 } };
    const patch = { a: { c: { d: 1 } } };
    const result = applyMergePatch(target, patch) as any;
    result.a.c.d = 2;
    expect(target).toEqual({ a: { b: 1 } });
    expect(patch).toEqual({ a: { c: { d: 1 } } });
  });
});

const podSpec = {
  containers: [
    { name: 'api', image: 'api:1', ports: [{ containerPort: 8080 }] },
    { name: 'sidecar', image: 'proxy:1' },
  ],
};

describe('applyStrategicMergePatch', () => {
  it("changes one container's image and keeps the other container", () => {
    expect(
      applyStrategicMergePatch(podSpec, {
        containers: [{ name: 'api', image: 'api:2' }],
      }),
    ).toEqual({
      containers: [
        { name: 'api', image: 'api:2', ports: [{ containerPort: 8080 }] },
        { name: 'sidecar', image: 'proxy:1' },
      ],
    });
  });

  it('appends a container whose name is new', () => {
    expect(
      applyStrategicMergePatch(
        { containers: [{ name: 'api', image: 'api:1' }] },
        { containers: [{ name: 'debug', image: 'busybox' }] },
      ),
    ).toEqual({
      containers: [
        { name: 'api', image: 'api:1' },
        { name: 'debug', image: 'busybox' },
      ],
    });
  });

  it('merges env variables by name', () => {
    expect(
      applyStrategicMergePatch(
        {
          env: [
            { name: 'A', value: '1' },
            { name: 'B', value: '2' },
          ],
        },
        {
          env: [
            { name: 'B', value: '3' },
            { name: 'C', value: '4' },
          ],
        },
      ),
    ).toEqual({
      env: [
        { name: 'A', value: '1' },
        { name: 'B', value: '3' },
        { name: 'C', value: '4' },
      ],
    });
  });

  it("merges a Service's ports by port", () => {
    expect(
      applyStrategicMergePatch(
        {
          spec: {
            ports: [
              { name: 'http', port: 80, targetPort: 8080 },
              { name: 'https', port: 443, targetPort: 8443 },
            ],
          },
        },
        { spec: { ports: [{ port: 80, targetPort: 9090 }] } },
      ),
    ).toEqual({
      spec: {
        ports: [
          { name: 'http', port: 80, targetPort: 9090 },
          { name: 'https', port: 443, targetPort: 8443 },
        ],
      },
    });
  });

  it("merges a container's ports by containerPort", () => {
    expect(
      applyStrategicMergePatch(
        { ports: [{ containerPort: 8080, name: 'http' }] },
        { ports: [{ containerPort: 8080, protocol: 'TCP' }] },
      ),
    ).toEqual({
      ports: [{ containerPort: 8080, name: 'http', protocol: 'TCP' }],
    });
  });

  it('deletes the list item matching a $patch: delete item', () => {
    expect(
      applyStrategicMergePatch(podSpec, {
        containers: [{ name: 'sidecar', $patch: 'delete' }],
      }),
    ).toEqual({
      containers: [
        { name: 'api', image: 'api:1', ports: [{ containerPort: 8080 }] },
      ],
    });
  });

  it('deletes a map whose patch says $patch: delete', () => {
    expect(
      applyStrategicMergePatch(
        { spec: { strategy: { type: 'Recreate' }, replicas: 1 } },
        { spec: { strategy: { $patch: 'delete' } } },
      ),
    ).toEqual({ spec: { replicas: 1 } });
  });

  it('replaces a map whose patch says $patch: replace', () => {
    expect(
      applyStrategicMergePatch(
        { metadata: { labels: { app: 'web', tier: 'front' } } },
        { metadata: { labels: { $patch: 'replace', app: 'api' } } },
      ),
    ).toEqual({ metadata: { labels: { app: 'api' } } });
  });

  it('replaces a whole list that contains a $patch: replace item', () => {
    expect(
      applyStrategicMergePatch(podSpec, {
        containers: [{ name: 'only', image: 'only:1' }, { $patch: 'replace' }],
      }),
    ).toEqual({ containers: [{ name: 'only', image: 'only:1' }] });
  });

  it('replaces one list item whose patch says $patch: replace', () => {
    expect(
      applyStrategicMergePatch(podSpec, {
        containers: [{ name: 'api', image: 'api:2', $patch: 'replace' }],
      }),
    ).toEqual({
      containers: [
        { name: 'api', image: 'api:2' },
        { name: 'sidecar', image: 'proxy:1' },
      ],
    });
  });

  it('merges finalizers as a union', () => {
    expect(
      applyStrategicMergePatch(
        { metadata: { finalizers: ['a', 'b'] } },
        { metadata: { finalizers: ['b', 'c'] } },
      ),
    ).toEqual({ metadata: { finalizers: ['a', 'b', 'c'] } });
  });

  it('removes values named by $deleteFromPrimitiveList', () => {
    expect(
      applyStrategicMergePatch(
        { metadata: { finalizers: ['a', 'b'] } },
        { metadata: { '$deleteFromPrimitiveList/finalizers': ['a'] } },
      ),
    ).toEqual({ metadata: { finalizers: ['b'] } });
  });

  it('replaces tolerations whole', () => {
    expect(
      applyStrategicMergePatch(
        { tolerations: [{ key: 'a', operator: 'Exists' }] },
        { tolerations: [{ key: 'b', operator: 'Exists' }] },
      ),
    ).toEqual({ tolerations: [{ key: 'b', operator: 'Exists' }] });
  });

  it('replaces lists of scalars whole', () => {
    expect(
      applyStrategicMergePatch({ args: ['--a', '--b'] }, { args: ['--c'] }),
    ).toEqual({ args: ['--c'] });
  });

  it('deletes a key whose patch value is null', () => {
    expect(
      applyStrategicMergePatch(
        { spec: { replicas: 1, paused: true } },
        {
          spec: { paused: null },
        },
      ),
    ).toEqual({ spec: { replicas: 1 } });
  });

  it('drops $retainKeys and $setElementOrder directives', () => {
    expect(
      applyStrategicMergePatch(podSpec, {
        $retainKeys: ['containers'],
        '$setElementOrder/containers': [{ name: 'sidecar' }, { name: 'api' }],
        containers: [{ name: 'sidecar', image: 'proxy:2' }],
      }),
    ).toEqual({
      containers: [
        { name: 'api', image: 'api:1', ports: [{ containerPort: 8080 }] },
        { name: 'sidecar', image: 'proxy:2' },
      ],
    });
  });

  it('rejects an unknown $patch directive', () => {
    expect(() =>
      applyStrategicMergePatch({}, { spec: { $patch: 'explode' } }),
    ).toThrow(new PatchError('unknown $patch directive "explode"'));
  });

  it('rejects a patch that is not an object', () => {
    expect(() => applyStrategicMergePatch({}, [])).toThrow(
      new PatchError('a strategic merge patch must be a JSON object'),
    );
  });

  it('leaves the target and the patch unchanged', () => {
    const target = { containers: [{ name: 'api', image: 'api:1' }] };
    const patch = { containers: [{ name: 'api', args: ['--x'] }] };
    const result = applyStrategicMergePatch(target, patch) as any;
    result.containers[0].args.push('--y');
    expect(target).toEqual({ containers: [{ name: 'api', image: 'api:1' }] });
    expect(patch).toEqual({ containers: [{ name: 'api', args: ['--x'] }] });
  });
});

describe('listMergeKey', () => {
  it('keys ports by containerPort when the items have it', () => {
    expect(listMergeKey('ports', [{ containerPort: 80 }])).toBe(
      'containerPort',
    );
  });

  it('keys ports by port when the items have no containerPort', () => {
    expect(listMergeKey('ports', [{ port: 80 }])).toBe('port');
  });

  it('has no key for a list it does not know', () => {
    expect(listMergeKey('tolerations', [{ key: 'a' }])).toBeUndefined();
  });

  it('has no key when an item lacks the key', () => {
    expect(
      listMergeKey('containers', [{ name: 'a' }, { image: 'b' }]),
    ).toBeUndefined();
  });
});

describe('patchContentTypes', () => {
  it('maps each PATCH content type to its patch function', () => {
    expect(patchContentTypes).toEqual({
      'application/json-patch+json': applyJsonPatch,
      'application/merge-patch+json': applyMergePatch,
      'application/strategic-merge-patch+json': applyStrategicMergePatch,
    });
  });
});
