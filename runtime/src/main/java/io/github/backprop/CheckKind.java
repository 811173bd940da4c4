package io.github.backprop;

/** What a {@link GradientCheck} compares, and how its report names the two sides. */
enum CheckKind {
  GRADIENT("Gradient check", "<gradient, d>", "central differences of f along d"),
  FORWARD("Forward-mode check", "jvp(x, d)", "central differences of f along d"),
  SYMMETRY("Hessian symmetry check", "<u, H v>", "<v, H u>"),
  HVP("Hessian-vector product check", "hvp(x, d)", "central differences of the gradient along d");

  final String title;
  final String tested;
  final String reference;

  CheckKind(String title, String tested, String reference) {
    this.title = title;
    this.tested = tested;
    this.reference = reference;
  }
}
