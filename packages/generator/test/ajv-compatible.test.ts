import { compilesEveryService } from "./helpers/ajv-every-service.js";

compilesEveryService("compatible");
