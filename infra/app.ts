import { App } from "aws-cdk-lib";
import { addThadsStacks } from "./thads-app.ts";

addThadsStacks(new App());
