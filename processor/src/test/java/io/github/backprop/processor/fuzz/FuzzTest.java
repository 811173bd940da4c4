package io.github.backprop.processor.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.backprop.processor.fuzz.Batch.Unit;
import io.github.backprop.processor.fuzz.Checker.Failure;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The differential fuzzer (issue 4). See resources/fuzz/README.md. */
class FuzzTest {

  /** A campaign of any size: {@code -Dfuzz.programs=100000 -Dfuzz.seed=1}. */
  @Test
  void campaign() {
    assumeTrue(System.getProperty("fuzz.programs") != null, "set -Dfuzz.programs to run a campaign");
    Campaign.Config c = Campaign.config();
    Campaign campaign = Campaign.run(c, System.out);
    campaign.print(c, System.out);
  }

  /** One program again, shrunk if it fails: {@code -Dfuzz.replay=SEED:INDEX} (or SEED:cINDEX for a callee). */
  @Test
  void replay() {
    String spec = System.getProperty("fuzz.replay");
    assumeTrue(spec != null, "set -Dfuzz.replay=SEED:INDEX");
    String[] p = spec.split(":");
    long seed = Long.parseLong(p[0]);
    boolean callee = p[1].startsWith("c");
    int index = Integer.parseInt(callee ? p[1].substring(1) : p[1]);
    Batch all = Batch.generate(seed, callee ? 0 : index + 1, Campaign.config().features());
    Batch b;
    if (callee) {
      b = all.with(all.callees.subList(0, index + 1), List.of());
    } else {
      Unit u = all.programs.get(index);
      b = all.with(all.calleesNeededBy(List.of(u)), List.of(u));
    }
    System.out.println(b.sources().files().values().stream().reduce("", String::concat));
    List<Failure> fs = new Checker().check(b);
    fs.forEach(System.out::println);
    if (!fs.isEmpty()) {
      Failure f = callee ? fs.stream().filter(x -> b.callees.get(index).key().equals(x.unit().key())).findFirst().orElse(fs.get(0)) : fs.get(0);
      System.out.println(Campaign.report(new Shrinker(Integer.getInteger("fuzz.shrinkBudget", 300)).shrink(b, f)));
    }
    assertEquals(List.of(), fs);
  }
}
