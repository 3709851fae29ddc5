// The elements inside a React 19 app: properties set by React, typed events received through React props.
import { expect } from '@open-wc/testing';
// React is CommonJS: in the test server's conversion only its default export is reliable.
import React from 'react';
import ReactDOM from 'react-dom';
import ReactDOMClient from 'react-dom/client';
import '../define.js';
import type { ParcaSourceElement } from '../elements/source/source.js';
import { ParcaElement } from '../elements/parca-element.js';
import { ParcaQuerySubmitEvent } from '../events/query-submit.js';
import type { ParcaSourceChangeEvent } from '../events/source-change.js';
import { CPU_TYPE, testEnv } from '../test-support/env.js';

const env = testEnv();
const { createElement, createRef } = React;
const { flushSync } = ReactDOM;
const { createRoot } = ReactDOMClient;

class ReactConsumerElement extends ParcaElement {}
customElements.define('react-consumer', ReactConsumerElement);

describe('in a React 19 app', () => {
  let host: HTMLElement;
  beforeEach(() => {
    host = document.createElement('div');
    document.body.append(host);
  });
  afterEach(() => host.remove());

  it('sets properties (secrets stay out of the DOM) and receives typed events', async () => {
    const changes: ParcaSourceChangeEvent[] = [];
    const source = createRef<ParcaSourceElement>();
    const consumer = createRef<ReactConsumerElement>();
    const root = createRoot(host);
    flushSync(() =>
      root.render(
        createElement(
          'parca-source',
          {
            ref: source,
            url: env.parcaUrl,
            'profile-type': 'react:x:y:z:w',
            token: 'react-secret-token',
            headers: { 'X-Scope-OrgID': env.tenant },
            'onparca-source-change': (event: ParcaSourceChangeEvent) => changes.push(event),
          },
          createElement('react-consumer', { ref: consumer }),
        ),
      ),
    );
    await source.current!.updateComplete;
    await consumer.current!.updateComplete;
    expect(source.current!.token).to.equal('react-secret-token');
    expect(source.current!.headers).to.deep.equal({ 'X-Scope-OrgID': env.tenant });
    expect(host.innerHTML).not.to.contain('react-secret-token');
    expect(consumer.current!.activeQuery!.profileType).to.equal('react:x:y:z:w');

    consumer.current!.dispatchEvent(new ParcaQuerySubmitEvent({ profileType: CPU_TYPE, selector: '{}', kind: 'both' }));
    expect(changes).to.have.length(1);
    expect(changes[0]!.query.profileType).to.equal(CPU_TYPE);
    root.unmount();
  });

  it('gives an element used alone its connection and query through properties', async () => {
    const { createConnection } = await import('../client/connection.js');
    const { createQueryState } = await import('../model/query-state.js');
    const consumer = createRef<ReactConsumerElement>();
    const connection = createConnection({ url: env.parcaUrl });
    const query = createQueryState({ profileType: CPU_TYPE });
    const root = createRoot(host);
    flushSync(() => root.render(createElement('react-consumer', { ref: consumer, connection, query })));
    expect(consumer.current!.activeConnection).to.equal(connection);
    expect(consumer.current!.activeQuery).to.equal(query);
    root.unmount();
  });
});
