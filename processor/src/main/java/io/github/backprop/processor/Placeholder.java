package io.github.backprop.processor;
final class Placeholder {}
