// the media anchor: a Janus engine the server runs, and the calls it mixes (issue #15)
// janode ships no types: whoever imports the anchor needs these ambient declarations too
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./janode.d.ts" />
export { AnchorError, type AnchorErrorCode } from './errors';
export { JanusProcess, type JanusExit, type JanusProcessOptions } from './engine/janus-process';
export { renderJanusConfig, type JanusConfigOptions } from './engine/janus-config';
export { AnchorEngine, type EngineLoss } from './client/anchor-engine';
export {
  CallRoom,
  type CallRoomOptions,
  type LegOptions,
  type OfferedLeg,
  type RoomClosedReason,
} from './client/call-room';
export type { CallLeg } from './client/call-leg';
export { EnginePool, type EngineDown, type EngineEndpoint } from './pool/engine-pool';
export { pickEngine, type EngineLoad } from './pool/pick-engine';
export {
  hearingOf,
  intendedHearing,
  planRooms,
  type CallPhase,
  type Membership,
  type Party,
  type Role,
  type RoomName,
  type RoomPlan,
  type SupervisorMode,
} from './plan/hearing-plan';
export {
  PROMPTS,
  placePrompt,
  promptDurationMs,
  promptPath,
  type PromptName,
} from './prompts/prompts';
