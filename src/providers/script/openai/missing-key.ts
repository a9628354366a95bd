/** What to do when no OPENAI_API_KEY is set; every command that needs the LLM says the same. */
export const MISSING_KEY_MESSAGE = [
	'writing a script needs an LLM: set OPENAI_API_KEY in the environment or in a .env file.',
	'    For another OpenAI-compatible server also set OPENAI_BASE_URL, and choose its model with --model:',
	'      DeepSeek  OPENAI_BASE_URL=https://api.deepseek.com',
	'      Qwen      OPENAI_BASE_URL=https://dashscope.aliyuncs.com/compatible-mode/v1',
	'      Ollama    OPENAI_BASE_URL=http://localhost:11434/v1   (any key works, e.g. OPENAI_API_KEY=ollama)',
	'      vLLM      OPENAI_BASE_URL=http://localhost:8000/v1',
].join('\n');
