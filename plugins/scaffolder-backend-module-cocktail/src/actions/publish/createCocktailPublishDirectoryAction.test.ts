import { createMockDirectory } from '@backstage/backend-test-utils';
import { retryableContext } from '../../__testUtils__/fakeBackend';
import { createCocktailPublishDirectoryAction } from './createCocktailPublishDirectoryAction';

const catalogFile = [
  'apiVersion: cocktailcloud.io/v1alpha1',
  'kind: Service',
  'metadata: { name: orders }',
  'spec: { owner: group:payments-team }',
].join('\n');

describe('cocktail:publish:directory', () => {
  const published = createMockDirectory();
  const workspace = createMockDirectory();

  beforeEach(() => {
    published.clear();
    workspace.setContent({ 'catalog-info.yaml': catalogFile });
  });

  it("copies the workspace into the repository's directory and names its first entity", async () => {
    const action = createCocktailPublishDirectoryAction({
      publishDirectory: published.path,
    });
    const ctx = retryableContext(
      { repoName: 'service-orders', sourcePath: '.' },
      new Map(),
      {
        workspacePath: workspace.path,
      },
    );
    await action.handler(ctx as any);
    expect(published.content()).toEqual({
      'service-orders': { 'catalog-info.yaml': catalogFile },
    });
    expect(ctx.output).toHaveBeenCalledWith(
      'entityRef',
      'service:default/orders',
    );
  });

  it('refuses to overwrite another repository, but a retried task passes its own', async () => {
    const action = createCocktailPublishDirectoryAction({
      publishDirectory: published.path,
    });
    const store = new Map();
    const input = { repoName: 'service-orders', sourcePath: '.' };
    await action.handler(
      retryableContext(input, store, { workspacePath: workspace.path }) as any,
    );
    await action.handler(
      retryableContext(input, store, { workspacePath: workspace.path }) as any,
    );
    await expect(
      action.handler(
        retryableContext(input, new Map(), {
          workspacePath: workspace.path,
        }) as any,
      ),
    ).rejects.toThrow(
      'repoName: service-orders already exists in the publish directory; choose another name',
    );
  });

  it('writes nothing in a dry run', async () => {
    const action = createCocktailPublishDirectoryAction({
      publishDirectory: published.path,
    });
    await action.handler({
      ...retryableContext({ repoName: 'x', sourcePath: '.' }, new Map(), {
        workspacePath: workspace.path,
      }),
      isDryRun: true,
    } as any);
    expect(published.content()).toEqual({});
  });

  it('says how to configure it when no directory is set', async () => {
    const action = createCocktailPublishDirectoryAction({});
    await expect(
      action.handler(
        retryableContext({ repoName: 'x', sourcePath: '.' }, new Map(), {
          workspacePath: workspace.path,
        }) as any,
      ),
    ).rejects.toThrow(/cocktail.scaffolder.publishDirectory is not configured/);
  });
});
