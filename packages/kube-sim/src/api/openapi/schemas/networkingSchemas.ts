/** Schemas of networking.k8s.io/v1: Ingress and NetworkPolicy. */
import { apiTypes, LABEL_SELECTOR } from '../definitionNames';
import { definitions, field, kindSchema } from '../schemaDsl';

const networking = apiTypes('networking.k8s.io', 'v1');
const gvk = (kind: string) => ({
  group: 'networking.k8s.io',
  version: 'v1',
  kind,
});

const backend = field.object('Where matching requests go.', {
  service: field.object(
    'A Service and port.',
    {
      name: field.string('Name of the Service.'),
      port: field.object('The port, by number or by name.', {
        number: field.int32('Port number.'),
        name: field.string('Port name.'),
      }),
    },
    ['name'],
  ),
  resource: field.anyObject('Another object in the namespace.'),
});

const peers = field.list(
  field.object('Sources or destinations of traffic.', {
    podSelector: field.ref(LABEL_SELECTOR, 'Pods with these labels.'),
    namespaceSelector: field.ref(
      LABEL_SELECTOR,
      'Namespaces with these labels.',
    ),
    ipBlock: field.object(
      'A range of IP addresses.',
      {
        cidr: field.string('The range, such as 10.0.0.0/8.'),
        except: field.strings('Ranges to leave out.'),
      },
      ['cidr'],
    ),
  }),
  'Peers; any of them matches. Everything matches when empty.',
);

const ports = field.list(
  field.object('A port.', {
    port: field.intOrString('Port number or name.'),
    endPort: field.int32('Last port of a range starting at port.'),
    protocol: field.string('TCP, UDP or SCTP. Defaults to TCP.'),
  }),
  'Ports; every port when empty.',
);

export const networkingDefinitions = definitions(networking, {
  Ingress: kindSchema(
    gvk('Ingress'),
    'HTTP routing from outside the cluster to Services, by host and path, with optional TLS.',
    {
      spec: field.ref(networking('IngressSpec'), 'Routing rules.'),
      status: field.object('State of the Ingress. Read-only.', {
        loadBalancer: field.anyObject('Addresses the Ingress is reachable at.'),
      }),
    },
  ),
  IngressSpec: field.object('How an Ingress routes requests.', {
    ingressClassName: field.string('IngressClass (controller) that serves it.'),
    defaultBackend: {
      ...backend,
      description: 'Where requests no rule matches go.',
    },
    tls: field.list(
      field.object('TLS for some hosts.', {
        hosts: field.strings('Hosts the certificate covers.'),
        secretName: field.string('Secret holding the certificate and key.'),
      }),
      'TLS settings.',
    ),
    rules: field.list(
      field.object('Routing for one host.', {
        host: field.string(
          'Host name; every host when empty. May start with *.',
        ),
        http: field.object(
          'Paths of the host.',
          {
            paths: field.list(
              field.object(
                'A path and its backend.',
                {
                  path: field.string('The path, starting with /.'),
                  pathType: field.string('How the path is matched.', {
                    enum: ['Exact', 'Prefix', 'ImplementationSpecific'],
                  }),
                  backend,
                },
                ['pathType', 'backend'],
              ),
              'Paths, matched as pathType says.',
            ),
          },
          ['paths'],
        ),
      }),
      'Rules by host.',
    ),
  }),
  NetworkPolicy: kindSchema(
    gvk('NetworkPolicy'),
    'Which traffic the selected pods may receive and send; once a pod is selected, anything not allowed is blocked.',
    {
      spec: field.object(
        'The pods and the traffic allowed.',
        {
          podSelector: field.ref(
            LABEL_SELECTOR,
            'Pods the policy applies to; every pod of the namespace when empty.',
          ),
          policyTypes: field.strings('Ingress, Egress or both.'),
          ingress: field.list(
            field.object('Traffic allowed in.', { from: peers, ports }),
            'Incoming traffic allowed.',
          ),
          egress: field.list(
            field.object('Traffic allowed out.', { to: peers, ports }),
            'Outgoing traffic allowed.',
          ),
        },
        ['podSelector'],
      ),
    },
  ),
});
