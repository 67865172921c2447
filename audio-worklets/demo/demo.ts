import { AudioContext } from 'standardized-audio-context';
import { SoundSession } from '../src/engine/session.js';
import { PRESETS } from '../src/program/presets.js';

/**
 * The demo page: each preset plays on a click (browsers start sound only on a gesture), with
 * a volume that glides and a view of what the engine reports.
 */
const context = new AudioContext();
let session: SoundSession | undefined;
const status = document.querySelector<HTMLOutputElement>('#status')!;
const volume = document.querySelector<HTMLInputElement>('#volume')!;

for (const [name, preset] of Object.entries(PRESETS)) {
  const button = document.createElement('button');
  button.textContent = name;
  button.title = preset.description ?? '';
  button.addEventListener('click', async () => {
    await context.resume();
    session?.stop(2);
    const previous = session;
    setTimeout(() => previous?.dispose(), 2500);
    session = await SoundSession.create(
      context,
      { ...preset, master: { gainDb: Number(volume.value), fadeInSeconds: 4, fadeOutSeconds: 12 } },
      './mindscape-worklet.js',
    );
    session.onState((state) => {
      status.textContent =
        `${name} · ${state.seconds.toFixed(0)} s · heard ${state.exposureSeconds.toFixed(0)} s · ` +
        Object.entries(state.voices)
          .map(
            ([id, params]) =>
              `${id}: ${Object.entries(params)
                .map(([p, v]) => `${p} ${v.toFixed(2)}`)
                .join(', ')}`,
          )
          .join(' | ');
    });
  });
  document.querySelector('#presets')!.append(button);
}
volume.addEventListener('input', () =>
  session?.ramp('master', 'gainDb', Number(volume.value), 1, 'linear'),
);
document.querySelector('#stop')!.addEventListener('click', () => session?.stop(3));
