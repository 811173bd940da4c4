package io.github.backprop.examples;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Fisher's Iris data (150 flowers, 4 measurements in cm, 3 species), read from the
 * {@code iris.csv} resource shipped with the examples (see {@code iris-LICENSE.md}), and split
 * into a stratified training and held-out set with standardised features.
 */
final class Iris {
  private Iris() {}

  static final String[] SPECIES = {"setosa", "versicolor", "virginica"};
  static final String HEADER = "sepal_length,sepal_width,petal_length,petal_width,species";
  static final int FEATURES = 4;

  /** Rows of features and their species as 0, 1, 2 (in the order of {@link #SPECIES}). */
  record Data(double[][] x, int[] y) {
    int size() {
      return y.length;
    }

    /** How many rows of each species. */
    int[] counts() {
      int[] c = new int[SPECIES.length];
      for (int label : y) {
        c[label]++;
      }
      return c;
    }
  }

  /**
   * A training set and a held-out set, both standardised with the training set's mean and
   * standard deviation of each feature.
   */
  record Split(Data train, Data heldOut, double[] mean, double[] sd) {}

  /** All 150 rows, in the file's order. */
  static Data load() {
    try (InputStream in = Iris.class.getResourceAsStream("/iris.csv")) {
      if (in == null) {
        throw new IllegalStateException("iris.csv is not on the class path");
      }
      var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String header = reader.readLine();
      if (!HEADER.equals(header)) {
        throw new IllegalStateException("unexpected header in iris.csv: " + header);
      }
      List<double[]> xs = new ArrayList<>();
      List<Integer> ys = new ArrayList<>();
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        String[] f = line.split(",");
        double[] row = new double[FEATURES];
        for (int i = 0; i < FEATURES; i++) {
          row[i] = Double.parseDouble(f[i]);
        }
        xs.add(row);
        ys.add(species(f[FEATURES]));
      }
      return new Data(xs.toArray(new double[0][]), ys.stream().mapToInt(Integer::intValue).toArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int species(String name) {
    int i = Arrays.asList(SPECIES).indexOf(name);
    if (i < 0) {
      throw new IllegalStateException("unknown species in iris.csv: " + name);
    }
    return i;
  }

  /**
   * A stratified split: {@code heldOutPerSpecies} random rows of each species are held out, the
   * rest are for training; both sets are then shuffled. Deterministic for a given seed.
   */
  static Split split(Data all, int heldOutPerSpecies, long seed) {
    Random random = new Random(seed);
    List<Integer> train = new ArrayList<>();
    List<Integer> heldOut = new ArrayList<>();
    for (int s = 0; s < SPECIES.length; s++) {
      List<Integer> rows = new ArrayList<>();
      for (int i = 0; i < all.size(); i++) {
        if (all.y()[i] == s) {
          rows.add(i);
        }
      }
      Collections.shuffle(rows, random);
      heldOut.addAll(rows.subList(0, heldOutPerSpecies));
      train.addAll(rows.subList(heldOutPerSpecies, rows.size()));
    }
    Collections.shuffle(train, random);
    Collections.shuffle(heldOut, random);
    Data tr = select(all, train);
    double[] mean = new double[FEATURES];
    double[] sd = new double[FEATURES];
    for (int i = 0; i < FEATURES; i++) {
      double sum = 0;
      for (double[] row : tr.x()) {
        sum += row[i];
      }
      mean[i] = sum / tr.size();
      double ss = 0;
      for (double[] row : tr.x()) {
        ss += (row[i] - mean[i]) * (row[i] - mean[i]);
      }
      sd[i] = Math.sqrt(ss / (tr.size() - 1));
    }
    return new Split(standardise(tr, mean, sd), standardise(select(all, heldOut), mean, sd), mean, sd);
  }

  private static Data select(Data all, List<Integer> rows) {
    double[][] x = new double[rows.size()][];
    int[] y = new int[rows.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = all.x()[rows.get(i)].clone();
      y[i] = all.y()[rows.get(i)];
    }
    return new Data(x, y);
  }

  private static Data standardise(Data d, double[] mean, double[] sd) {
    double[][] x = new double[d.size()][FEATURES];
    for (int n = 0; n < d.size(); n++) {
      for (int i = 0; i < FEATURES; i++) {
        x[n][i] = (d.x()[n][i] - mean[i]) / sd[i];
      }
    }
    return new Data(x, d.y().clone());
  }
}
