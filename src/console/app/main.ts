import { h, render } from 'preact';
import { App } from './app-shell';

render(h(App, {}), document.getElementById('app')!);
