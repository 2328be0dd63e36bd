// free() of an instance a call is reading: refused, the instance left as it was.
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { Cohort, Framework, KarmayogiError, Profile } from "../index.js";
import { frameworkText, officersDoc, throwsProblems } from "./support/data.js";

const officers = officersDoc().officers;
const position = "postmaster-hpo";

/** What `free()` threw when called from inside a call, or null. */
function freeing(instance) {
  let thrown = null;
  const options = {
    get budget() {
      try {
        instance.free();
      } catch (error) {
        thrown = error;
      }
      return 10;
    },
  };
  return { options, thrown: () => thrown };
}

describe("free() called while a call reads the instance", () => {
  test("is refused with a KarmayogiError, and the instance stays usable", () => {
    // The glue forgot the instance before the WebAssembly refused to free it: the profile
    // then read as freed (`found one that was freed`), its memory held for good.
    const fw = new Framework(frameworkText());
    const profile = new Profile(fw, officers[0]);
    const { options, thrown } = freeing(profile);
    const plan = fw.recommend(profile, position, options);
    assert.ok(thrown() instanceof KarmayogiError, `expected a KarmayogiError, got ${thrown()}`);
    assert.equal(thrown().code, "json");
    assert.match(thrown().message, /^invalid call of `Profile\.free`: the Profile is in use by a call that has not returned/);
    assert.equal(profile.id, officers[0].id);
    assert.deepEqual(plan, fw.recommend(profile, position, { budget: 10 }));
    profile.free();
    throwsProblems(() => profile.id, [{ code: "json", description: "expected a Profile, found one that was freed" }]);
    fw.free();
  });

  test("of the framework and the cohort alike", () => {
    const fw = new Framework(frameworkText());
    const profile = new Profile(fw, officers[0]);
    const byFramework = freeing(fw);
    fw.recommend(profile, position, byFramework.options);
    assert.ok(byFramework.thrown() instanceof KarmayogiError);
    assert.equal(fw.requirements(position).length, 16);
    const cohort = new Cohort(fw, officers);
    const byCohort = freeing(cohort);
    fw.departmentPlan(cohort, byCohort.options);
    assert.ok(byCohort.thrown() instanceof KarmayogiError);
    assert.equal(cohort.length, officers.length);
    cohort.free();
    profile.free();
    fw.free();
    fw.free();
  });
});
