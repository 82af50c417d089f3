package dev.rekoface.engine;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A minimal read-only FlatBuffers reader: just what it takes to walk a TensorFlow Lite model (tables, vectors of
 * tables, scalars, int/float vectors, strings, byte vectors). Offsets are checked against the buffer, so a malformed
 * file gives an exception rather than garbage. Immutable and thread-safe.
 */
final class Flatbuffer {
    private final ByteBuffer buf;

    Flatbuffer(byte[] bytes) {
        this.buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Returns the root table. */
    Table root() {
        return new Table(deref(0));
    }

    String identifier() {
        byte[] id = new byte[4];
        for (int i = 0; i < 4; i++) {
            id[i] = buf.get(4 + i);
        }
        return new String(id, java.nio.charset.StandardCharsets.US_ASCII);
    }

    private int deref(int pos) {
        int target = pos + buf.getInt(pos);
        if (target < 0 || target >= buf.limit()) {
            throw new IllegalArgumentException("flatbuffer offset out of range at " + pos);
        }
        return target;
    }

    /** A table: fields looked up through its vtable by field index (0-based, in schema order). */
    final class Table {
        private final int pos;
        private final int vtable;
        private final int vtableSize;

        Table(int pos) {
            this.pos = pos;
            this.vtable = pos - buf.getInt(pos);
            this.vtableSize = Short.toUnsignedInt(buf.getShort(vtable));
        }

        private int field(int index) {
            int entry = 4 + 2 * index;
            if (entry >= vtableSize) {
                return 0;
            }
            int off = Short.toUnsignedInt(buf.getShort(vtable + entry));
            return off == 0 ? 0 : pos + off;
        }

        boolean has(int index) {
            return field(index) != 0;
        }

        int getInt(int index, int def) {
            int f = field(index);
            return f == 0 ? def : buf.getInt(f);
        }

        int getByte(int index, int def) {
            int f = field(index);
            return f == 0 ? def : buf.get(f);
        }

        int getUByte(int index, int def) {
            int f = field(index);
            return f == 0 ? def : Byte.toUnsignedInt(buf.get(f));
        }

        float getFloat(int index, float def) {
            int f = field(index);
            return f == 0 ? def : buf.getFloat(f);
        }

        boolean getBool(int index) {
            int f = field(index);
            return f != 0 && buf.get(f) != 0;
        }

        Table table(int index) {
            int f = field(index);
            return f == 0 ? null : new Table(deref(f));
        }

        String string(int index) {
            int f = field(index);
            if (f == 0) {
                return null;
            }
            int s = deref(f);
            int len = buf.getInt(s);
            byte[] b = new byte[len];
            for (int i = 0; i < len; i++) {
                b[i] = buf.get(s + 4 + i);
            }
            return new String(b, java.nio.charset.StandardCharsets.UTF_8);
        }

        int vectorLength(int index) {
            int f = field(index);
            return f == 0 ? 0 : buf.getInt(deref(f));
        }

        Table tableAt(int index, int i) {
            int v = deref(field(index));
            return new Table(deref(v + 4 + 4 * i));
        }

        int[] ints(int index) {
            int f = field(index);
            if (f == 0) {
                return new int[0];
            }
            int v = deref(f);
            int[] out = new int[buf.getInt(v)];
            for (int i = 0; i < out.length; i++) {
                out[i] = buf.getInt(v + 4 + 4 * i);
            }
            return out;
        }

        float[] floats(int index) {
            int f = field(index);
            if (f == 0) {
                return new float[0];
            }
            int v = deref(f);
            float[] out = new float[buf.getInt(v)];
            for (int i = 0; i < out.length; i++) {
                out[i] = buf.getFloat(v + 4 + 4 * i);
            }
            return out;
        }

        long[] longs(int index) {
            int f = field(index);
            if (f == 0) {
                return new long[0];
            }
            int v = deref(f);
            long[] out = new long[buf.getInt(v)];
            for (int i = 0; i < out.length; i++) {
                out[i] = buf.getLong(v + 4 + 8 * i);
            }
            return out;
        }

        /** Returns a [ubyte] vector as a little-endian view, or null when absent/empty. */
        ByteBuffer bytes(int index) {
            int f = field(index);
            if (f == 0) {
                return null;
            }
            int v = deref(f);
            int len = buf.getInt(v);
            if (len == 0) {
                return null;
            }
            ByteBuffer dup = buf.duplicate().order(ByteOrder.LITTLE_ENDIAN);
            dup.position(v + 4).limit(v + 4 + len);
            return dup.slice().order(ByteOrder.LITTLE_ENDIAN);
        }
    }
}
