import { useState } from 'preact/hooks';
import { signIn } from './api.js';
import { ErrorBox } from './error-box.js';
import { html } from './html.js';
import { useT } from './i18n.js';

/** The server has a token (REELSMITH_API_TOKEN): asked once, then kept by the server's HttpOnly cookie, so media and live progress load too. */
export const TokenForm = ({ onSignedIn }) => {
	const t = useT();
	const [token, setToken] = useState('');
	const [error, setError] = useState(null);
	const submit = async (event) => {
		event.preventDefault();
		try {
			await signIn(token);
			onSignedIn();
		} catch (failure) {
			setError(failure);
		}
	};
	return html`<form class="panel token" onSubmit=${submit} data-testid="token-form">
		<h2>${t('tokenHeading')}</h2>
		<p class="muted">${t('tokenHint')}</p>
		<label for="server-token">${t('tokenLabel')}</label>
		<input id="server-token" type="password" autocomplete="current-password" required value=${token} onInput=${(e) => setToken(e.currentTarget.value)} />
		<button type="submit">${t('tokenSubmit')}</button>
		<${ErrorBox} error=${error} testId="token-error" />
	</form>`;
};
