// The elements inside a Vue 3 app: properties bound by Vue, typed events received through `on…` listeners.
import { expect } from '@open-wc/testing';
import { createApp, h, nextTick, ref } from 'vue';
import '../define.js';
import type { ParcaSourceElement } from '../elements/source/source.js';
import { ParcaElement } from '../elements/parca-element.js';
import { ParcaQuerySubmitEvent } from '../events/query-submit.js';
import type { ParcaSourceChangeEvent } from '../events/source-change.js';
import { CPU_TYPE, testEnv } from '../test-support/env.js';

const env = testEnv();

class VueConsumerElement extends ParcaElement {}
customElements.define('vue-consumer', VueConsumerElement);

describe('in a Vue 3 app', () => {
  it('binds properties reactively (secrets stay out of the DOM) and receives typed events', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    const changes: ParcaSourceChangeEvent[] = [];
    const profileType = ref('vue:x:y:z:w');
    const app = createApp({
      render: () =>
        h(
          'parca-source',
          {
            id: 'vue-source',
            url: env.parcaUrl,
            profileType: profileType.value,
            password: 'vue-secret-password',
            user: 'me',
            'onParca-source-change': (event: ParcaSourceChangeEvent) => changes.push(event),
          },
          [h('vue-consumer')],
        ),
    });
    app.mount(host);
    const source = host.querySelector<ParcaSourceElement>('#vue-source')!;
    const consumer = host.querySelector<VueConsumerElement>('vue-consumer')!;
    await source.updateComplete;
    await consumer.updateComplete;
    expect(source.password).to.equal('vue-secret-password');
    expect(host.innerHTML).not.to.contain('vue-secret-password');
    expect(consumer.activeQuery!.profileType).to.equal('vue:x:y:z:w');

    profileType.value = 'changed:x:y:z:w';
    await nextTick();
    await source.updateComplete;
    await consumer.updateComplete;
    expect(consumer.activeQuery!.profileType).to.equal('changed:x:y:z:w');
    expect(changes, 'setting a property fires nothing').to.have.length(0);

    consumer.dispatchEvent(new ParcaQuerySubmitEvent({ profileType: CPU_TYPE, selector: '{job="fib"}', kind: 'metrics' }));
    expect(changes).to.have.length(1);
    expect(changes[0]!.query).to.include({ profileType: CPU_TYPE, selector: '{job="fib"}', kind: 'metrics' });
    app.unmount();
    host.remove();
  });
});
