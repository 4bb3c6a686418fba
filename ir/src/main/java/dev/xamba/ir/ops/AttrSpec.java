package dev.xamba.ir.ops;

import dev.xamba.ir.attr.ArrayAttr;
import dev.xamba.ir.attr.Attribute;
import dev.xamba.ir.attr.BoolAttr;
import dev.xamba.ir.attr.DenseElementsAttr;
import dev.xamba.ir.attr.DenseResourceAttr;
import dev.xamba.ir.attr.FloatAttr;
import dev.xamba.ir.attr.IntegerAttr;
import dev.xamba.ir.attr.StringAttr;
import dev.xamba.ir.attr.TypeAttr;

/** Declares one attribute of an op: its name, kind, and whether it is required or has a default. */
public record AttrSpec(String name, Kind kind, boolean required, Attribute defaultValue) {

    public enum Kind {
        INT, FLOAT, BOOL, STRING, ARRAY, TYPE, ELEMENTS;

        public boolean accepts(Attribute a) {
            return switch (this) {
                case INT -> a instanceof IntegerAttr;
                case FLOAT -> a instanceof FloatAttr;
                case BOOL -> a instanceof BoolAttr;
                case STRING -> a instanceof StringAttr;
                case ARRAY -> a instanceof ArrayAttr;
                case TYPE -> a instanceof TypeAttr;
                case ELEMENTS -> a instanceof DenseElementsAttr || a instanceof DenseResourceAttr;
            };
        }

        public String describe() {
            return switch (this) {
                case INT -> "an integer";
                case FLOAT -> "a float";
                case BOOL -> "a bool";
                case STRING -> "a string";
                case ARRAY -> "an array";
                case TYPE -> "a type";
                case ELEMENTS -> "a dense or dense_resource tensor";
            };
        }
    }

    public static AttrSpec required(String name, Kind kind) { return new AttrSpec(name, kind, true, null); }

    public static AttrSpec optional(String name, Kind kind, Attribute defaultValue) {
        return new AttrSpec(name, kind, false, defaultValue);
    }

    public static AttrSpec flag(String name) { return optional(name, Kind.BOOL, BoolAttr.FALSE); }
}
