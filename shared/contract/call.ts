// Building blocks shared by every feature's part of the contract.
import { z } from 'zod';

export const empty = z.object({}).strict();

export const call = <Req extends z.ZodType, Res extends z.ZodType>(request: Req, response: Res) => ({
  request,
  response,
});
