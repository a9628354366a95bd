import type { DeployedFunction, LambdaRenderProgress } from '../../src/lambda/lambda-client';

type FunctionSpec = { readonly memorySizeInMb: number; readonly diskSizeInMb: number; readonly timeoutInSeconds: number };

/** Deploys a function as Remotion names it (one per version, memory, disk and timeout) into `functions`, unless there. */
export const deployFunctionInto = (functions: DeployedFunction[], spec: FunctionSpec): { functionName: string; alreadyExisted: boolean } => {
	const functionName = `remotion-render-4-0-527-mem${spec.memorySizeInMb}mb-disk${spec.diskSizeInMb}mb-${spec.timeoutInSeconds}sec`;
	const alreadyExisted = functions.some((f) => f.functionName === functionName);
	if (!alreadyExisted) functions.push({ functionName, ...spec, version: '4.0.527' });
	return { functionName, alreadyExisted };
};

/** A render's progress as getRenderProgress reports it at the start, with `patch` applied. */
export const renderProgress = (patch: Partial<LambdaRenderProgress> = {}): LambdaRenderProgress => ({
	done: false,
	overallProgress: 0,
	framesRendered: 0,
	fatalErrorEncountered: false,
	errors: [],
	costUsd: 0,
	lambdasInvoked: 0,
	outputSizeInBytes: null,
	...patch,
});
