import { packageBuild } from "../../build.config";

export default packageBuild({ entry: ["src/index.ts", "src/styles.css"] });
