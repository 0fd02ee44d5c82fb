// Commands that change an object in place, all on the seeded Deployment `tags`: label,
// annotate, and patch as a JSON merge patch and as a JSON patch.
import assert from 'node:assert/strict';

export function declarePatchCommands(tally, cluster) {
  tally.it('label adds a label', async () => {
    const out = await cluster.kubectl.ok(
      'label',
      'deployment',
      'tags',
      'tier=frontend',
      '-n',
      'shop',
    );
    assert.match(out, /^deployment.apps\/tags labeled$/m);
    const tags = await cluster.kubectl.getJson('shop', 'deployment', 'tags');
    assert.equal(tags.metadata.labels.tier, 'frontend');
  });

  tally.it('annotate adds an annotation', async () => {
    const out = await cluster.kubectl.ok(
      'annotate',
      'deployment',
      'tags',
      'owner=team-a',
      '-n',
      'shop',
    );
    assert.match(out, /^deployment.apps\/tags annotated$/m);
    const tags = await cluster.kubectl.getJson('shop', 'deployment', 'tags');
    assert.equal(tags.metadata.annotations.owner, 'team-a');
  });

  tally.it('patch --type=merge sets a field', async () => {
    const out = await cluster.kubectl.ok(
      'patch',
      'deployment',
      'tags',
      '--type=merge',
      '-p',
      '{"spec":{"minReadySeconds":5}}',
      '-n',
      'shop',
    );
    assert.match(out, /^deployment.apps\/tags patched$/m);
    const tags = await cluster.kubectl.getJson('shop', 'deployment', 'tags');
    assert.equal(tags.spec.minReadySeconds, 5);
  });

  tally.it('patch --type=json replaces and adds by path', async () => {
    const operations = [
      {
        op: 'replace',
        path: '/spec/template/spec/containers/0/image',
        value: 'registry.example.com/shop/tags:1.1.0',
      },
      { op: 'add', path: '/metadata/labels/patched', value: 'json' },
    ];
    const out = await cluster.kubectl.ok(
      'patch',
      'deployment',
      'tags',
      '--type=json',
      '-p',
      JSON.stringify(operations),
      '-n',
      'shop',
    );
    assert.match(out, /^deployment.apps\/tags patched$/m);
    const tags = await cluster.kubectl.getJson('shop', 'deployment', 'tags');
    assert.equal(
      tags.spec.template.spec.containers[0].image,
      'registry.example.com/shop/tags:1.1.0',
    );
    assert.equal(tags.metadata.labels.patched, 'json');
  });
}
