package dev.xamba.opt.cost;

/** Where an op runs: the NPU's MAC array (DPU), its DSP cores (SHAVE), its DMA engines, or the host CPU. */
public enum Unit { DPU, SHAVE, DMA, CPU }
