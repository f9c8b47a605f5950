import { packageBuild } from "../../build.config";

export default packageBuild();
