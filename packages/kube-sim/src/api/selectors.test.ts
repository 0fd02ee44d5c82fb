import {
  labelSelectorFromObject,
  matchesFieldSelector,
  matchesLabelSelector,
  parseFieldSelector,
  parseLabelSelector,
  SelectorError,
} from './selectors';
import { KubeObject } from './types';

function thrownBy(action: () => unknown): Error {
  try {
    action();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the action to throw');
}

function matchesLabels(
  selector: string,
  labels: Record<string, string> | undefined,
): boolean {
  return matchesLabelSelector(parseLabelSelector(selector), labels);
}

const pod: KubeObject = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web-1', namespace: 'shop' },
  spec: { containers: [] },
  status: { phase: 'Running' },
};

const event: KubeObject = {
  apiVersion: 'v1',
  kind: 'Event',
  metadata: { name: 'web-1.17a', namespace: 'shop' },
  involvedObject: { kind: 'Pod', name: 'web-1', uid: 'uid-1' },
  type: 'Warning',
  reason: 'BackOff',
  count: 3,
};

function matchesFields(selector: string, object: KubeObject): boolean {
  return matchesFieldSelector(parseFieldSelector(selector), object);
}

describe('parseLabelSelector', () => {
  it('parses an empty selector into no requirements', () => {
    expect(parseLabelSelector('')).toEqual({ requirements: [] });
  });

  it('parses every operator of the string syntax', () => {
    expect(
      parseLabelSelector('a=1,b==2,c!=3,d in (4,5),e notin (6),f,!g'),
    ).toEqual({
      requirements: [
        { key: 'a', operator: 'In', values: ['1'] },
        { key: 'b', operator: 'In', values: ['2'] },
        { key: 'c', operator: 'NotIn', values: ['3'] },
        { key: 'd', operator: 'In', values: ['4', '5'] },
        { key: 'e', operator: 'NotIn', values: ['6'] },
        { key: 'f', operator: 'Exists', values: [] },
        { key: 'g', operator: 'DoesNotExist', values: [] },
      ],
    });
  });

  it('tolerates whitespace around keys, operators and values', () => {
    expect(parseLabelSelector(' tier in ( web , api ) , ! canary ')).toEqual({
      requirements: [
        { key: 'tier', operator: 'In', values: ['web', 'api'] },
        { key: 'canary', operator: 'DoesNotExist', values: [] },
      ],
    });
  });

  it('accepts keys with a DNS subdomain prefix', () => {
    expect(parseLabelSelector('app.kubernetes.io/name=web')).toEqual({
      requirements: [
        { key: 'app.kubernetes.io/name', operator: 'In', values: ['web'] },
      ],
    });
  });

  it('reads a missing value after = as the empty string', () => {
    expect(parseLabelSelector('a=')).toEqual({
      requirements: [{ key: 'a', operator: 'In', values: [''] }],
    });
  });

  it('throws a SelectorError for an empty set of values', () => {
    const error = thrownBy(() => parseLabelSelector('a in ()'));

    expect(error).toBeInstanceOf(SelectorError);
    expect(error.message).toBe(
      'unexpected ")" at position 6 in label selector "a in ()": expected a label value',
    );
  });

  it('reports an unclosed set of values', () => {
    expect(thrownBy(() => parseLabelSelector('a in (x')).message).toBe(
      'unexpected end of selector at position 7 in label selector "a in (x": expected "," or ")" in the set of values',
    );
  });

  it('reports a word where an operator belongs', () => {
    expect(thrownBy(() => parseLabelSelector('a b')).message).toBe(
      'unexpected "b" at position 2 in label selector "a b": expected "=", "==", "!=", "in", "notin" or ","',
    );
  });

  it('reports the unsupported > operator', () => {
    expect(thrownBy(() => parseLabelSelector('a>1')).message).toBe(
      'unexpected ">" at position 1 in label selector "a>1": expected "=", "==", "!=", "in", "notin" or ","',
    );
  });

  it('reports a trailing comma', () => {
    expect(thrownBy(() => parseLabelSelector('a,')).message).toBe(
      'unexpected end of selector at position 2 in label selector "a,": expected a label key',
    );
  });

  it('reports an invalid label key', () => {
    expect(thrownBy(() => parseLabelSelector('Bad_/x=1')).message).toBe(
      'invalid label key "Bad_/x" at position 0 in label selector "Bad_/x=1": must be an optional DNS subdomain prefix and "/", then 1-63 alphanumeric characters, "-", "_" or "."',
    );
  });

  it('reports an invalid label value', () => {
    expect(thrownBy(() => parseLabelSelector('a=-x')).message).toBe(
      'invalid label value "-x" at position 2 in label selector "a=-x": must be empty or 1-63 alphanumeric characters, "-", "_" or ".", starting and ending with an alphanumeric',
    );
  });
});

describe('matchesLabelSelector', () => {
  it('matches every object with an empty selector, even one without labels', () => {
    expect(matchesLabels('', undefined)).toBe(true);
  });

  it('matches = when the label has the value', () => {
    expect(matchesLabels('app=web', { app: 'web' })).toBe(true);
  });

  it('does not match = when the label has another value', () => {
    expect(matchesLabels('app=web', { app: 'api' })).toBe(false);
  });

  it('does not match = when the label is missing', () => {
    expect(matchesLabels('app=web', {})).toBe(false);
  });

  it('matches != when the label is missing', () => {
    expect(matchesLabels('app!=web', undefined)).toBe(true);
  });

  it('does not match != when the label has the value', () => {
    expect(matchesLabels('app!=web', { app: 'web' })).toBe(false);
  });

  it('matches in when the label has any listed value', () => {
    expect(matchesLabels('tier in (web,api)', { tier: 'api' })).toBe(true);
  });

  it('does not match in when the label is missing', () => {
    expect(matchesLabels('tier in (web,api)', {})).toBe(false);
  });

  it('matches notin when the label is missing', () => {
    expect(matchesLabels('tier notin (web)', {})).toBe(true);
  });

  it('does not match notin when the label has a listed value', () => {
    expect(matchesLabels('tier notin (web,api)', { tier: 'web' })).toBe(false);
  });

  it('matches a bare key when the label exists with any value', () => {
    expect(matchesLabels('canary', { canary: '' })).toBe(true);
  });

  it('matches !key only when the label is missing', () => {
    expect(matchesLabels('!canary', { canary: 'true' })).toBe(false);
  });

  it('requires every comma-separated requirement to hold', () => {
    expect(matchesLabels('app=web,tier=api', { app: 'web', tier: 'db' })).toBe(
      false,
    );
  });
});

describe('labelSelectorFromObject', () => {
  it('turns matchLabels and matchExpressions into requirements', () => {
    expect(
      labelSelectorFromObject({
        matchLabels: { app: 'web' },
        matchExpressions: [
          { key: 'tier', operator: 'In', values: ['a', 'b'] },
          { key: 'canary', operator: 'DoesNotExist' },
        ],
      }),
    ).toEqual({
      requirements: [
        { key: 'app', operator: 'In', values: ['web'] },
        { key: 'tier', operator: 'In', values: ['a', 'b'] },
        { key: 'canary', operator: 'DoesNotExist', values: [] },
      ],
    });
  });

  it('matches the labels a Deployment selector describes', () => {
    const selector = labelSelectorFromObject({
      matchLabels: { app: 'web' },
      matchExpressions: [
        { key: 'track', operator: 'NotIn', values: ['canary'] },
      ],
    });

    expect(
      matchesLabelSelector(selector, { app: 'web', track: 'stable' }),
    ).toBe(true);
  });

  it('matches everything when the object is empty', () => {
    expect(matchesLabelSelector(labelSelectorFromObject({}), undefined)).toBe(
      true,
    );
  });

  it('rejects an unknown operator', () => {
    const error = thrownBy(() =>
      labelSelectorFromObject({
        matchExpressions: [{ key: 'a', operator: 'Gt', values: ['1'] }],
      }),
    );

    expect(error).toBeInstanceOf(SelectorError);
    expect(error.message).toBe(
      'matchExpressions[0]: unknown operator "Gt", expected In, NotIn, Exists or DoesNotExist',
    );
  });

  it('rejects In without values', () => {
    expect(
      thrownBy(() =>
        labelSelectorFromObject({
          matchExpressions: [{ key: 'a', operator: 'In' }],
        }),
      ).message,
    ).toBe('matchExpressions[0]: operator In needs at least one value');
  });

  it('rejects Exists with values', () => {
    expect(
      thrownBy(() =>
        labelSelectorFromObject({
          matchExpressions: [{ key: 'a', operator: 'Exists', values: ['x'] }],
        }),
      ).message,
    ).toBe('matchExpressions[0]: operator Exists takes no values');
  });

  it('rejects an invalid key in matchLabels', () => {
    expect(
      thrownBy(() => labelSelectorFromObject({ matchLabels: { 'a b': 'x' } }))
        .message,
    ).toBe(
      'invalid label key "a b" in matchLabels: must be an optional DNS subdomain prefix and "/", then 1-63 alphanumeric characters, "-", "_" or "."',
    );
  });
});

describe('parseFieldSelector', () => {
  it('parses =, == and != with whitespace around them', () => {
    expect(
      parseFieldSelector(' status.phase != Running , metadata.name==x,a=b'),
    ).toEqual({
      requirements: [
        { field: 'status.phase', operator: '!=', value: 'Running' },
        { field: 'metadata.name', operator: '=', value: 'x' },
        { field: 'a', operator: '=', value: 'b' },
      ],
    });
  });

  it('parses an empty selector into no requirements', () => {
    expect(parseFieldSelector('')).toEqual({ requirements: [] });
  });

  it('unescapes backslash-escaped commas in values', () => {
    expect(parseFieldSelector('metadata.name=a\\,b')).toEqual({
      requirements: [{ field: 'metadata.name', operator: '=', value: 'a,b' }],
    });
  });

  it('throws a SelectorError for a term without an operator', () => {
    const error = thrownBy(() => parseFieldSelector('metadata.name'));

    expect(error).toBeInstanceOf(SelectorError);
    expect(error.message).toBe(
      'term "metadata.name" in field selector "metadata.name" has no operator: expected field=value, field==value or field!=value',
    );
  });

  it('rejects set-based syntax', () => {
    expect(
      thrownBy(() => parseFieldSelector('metadata.name in (a)')).message,
    ).toBe(
      'term "metadata.name in (a)" in field selector "metadata.name in (a)" has no operator: expected field=value, field==value or field!=value',
    );
  });

  it('rejects a term without a field', () => {
    expect(thrownBy(() => parseFieldSelector('=x')).message).toBe(
      'invalid field "" in term "=x" in field selector "=x": expected a dotted path such as metadata.name',
    );
  });

  it('rejects an unescaped = in a value', () => {
    expect(thrownBy(() => parseFieldSelector('a===b')).message).toBe(
      'unexpected "=" in the value of field selector term "a===b": only =, == and != are supported, and a literal = is written \\=',
    );
  });

  it('rejects an unknown escape', () => {
    expect(thrownBy(() => parseFieldSelector('a=x\\y')).message).toBe(
      'invalid escape "\\y" in field selector term "a=x\\y": a backslash may only escape "\\", "," or "="',
    );
  });

  it('rejects an empty term', () => {
    expect(thrownBy(() => parseFieldSelector('a=b,')).message).toBe(
      'empty term in field selector "a=b,": remove the extra ","',
    );
  });
});

describe('matchesFieldSelector', () => {
  it('matches metadata.name and metadata.namespace', () => {
    expect(
      matchesFields('metadata.name=web-1,metadata.namespace=shop', pod),
    ).toBe(true);
  });

  it('does not match when one requirement fails', () => {
    expect(matchesFields('metadata.name=web-1,status.phase=Pending', pod)).toBe(
      false,
    );
  });

  it('matches != when the field differs', () => {
    expect(matchesFields('status.phase!=Succeeded', pod)).toBe(true);
  });

  it('compares a missing field as the empty string', () => {
    expect(matchesFields('spec.nodeName=', pod)).toBe(true);
  });

  it('does not match != against the empty string for a missing field', () => {
    expect(matchesFields('spec.nodeName!=', pod)).toBe(false);
  });

  it('reads Event fields such as involvedObject.kind, type and reason', () => {
    expect(
      matchesFields(
        'involvedObject.kind=Pod,involvedObject.uid=uid-1,type=Warning,reason=BackOff',
        event,
      ),
    ).toBe(true);
  });

  it('compares numbers by their text', () => {
    expect(matchesFields('count=3', event)).toBe(true);
  });

  it('matches every object with an empty selector', () => {
    expect(matchesFields('', pod)).toBe(true);
  });
});
