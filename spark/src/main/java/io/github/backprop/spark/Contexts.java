package io.github.backprop.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Starts Spark. A {@code local[...]} master runs in this JVM with no web UI, bound to the
 * loopback address; any other master (what spark-submit sets) is used as given.
 */
public final class Contexts {
  private Contexts() {}

  /** A context running tasks in this JVM on {@code threads} threads (Spark's {@code local[threads]}). */
  public static JavaSparkContext start(int threads) {
    return start(new SparkConf().setMaster("local[" + threads + "]"));
  }

  /** A context for {@code conf}, whose master defaults to {@code local[2]}. */
  public static JavaSparkContext start(SparkConf conf) {
    conf.setIfMissing("spark.master", "local[2]").setIfMissing("spark.app.name", "backprop logistic regression");
    if (conf.get("spark.master").startsWith("local")) {
      conf.setIfMissing("spark.ui.enabled", "false")
          .setIfMissing("spark.driver.host", "127.0.0.1")
          .setIfMissing("spark.driver.bindAddress", "127.0.0.1");
    }
    JavaSparkContext spark = new JavaSparkContext(conf);
    spark.setLogLevel("WARN");
    return spark;
  }
}
