package io.heapscope.model.analysis;

import io.heapscope.model.graph.StringTable;

import java.util.Arrays;

/**
 * Numbers the pair keys of WeakMap entry names (all of a name but its leading number) in the order first seen,
 * without keeping them: an open-addressing table of 64-bit hashes of the key's text and, per key, the string that
 * first had it, read again only to confirm a hash that matches. A hash map of key strings held 174,000 keys of
 * about 100 characters for the 1.1 GB benchmark file and took three times as long as finding the names, most of
 * it copying those strings through the young generation.
 */
final class PairKeys {
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private final StringTable strings;
    private long[] hashes = new long[1024];
    /** Per slot, the string index whose key the slot holds, plus one (0 is an empty slot). */
    private int[] firstName = new int[1024];
    private int[] keyStart = new int[1024];
    private int[] number = new int[1024];
    private int count;

    PairKeys(StringTable strings) {
        this.strings = strings;
    }

    /** The number of the key that starts at {@code start} in {@code name}, string {@code index} of the table. */
    int numberOf(int index, String name, int start) {
        long hash = hash(name, start);
        int mask = hashes.length - 1;
        for (int slot = (int) (hash ^ (hash >>> 32)) & mask; ; slot = (slot + 1) & mask) {
            if (firstName[slot] == 0) {
                return add(slot, hash, index, start);
            }
            if (hashes[slot] == hash && sameKey(name, start, strings.read(firstName[slot] - 1), keyStart[slot])) {
                return number[slot];
            }
        }
    }

    /** Keys numbered so far: {@code [0, count())}. */
    int count() {
        return count;
    }

    private int add(int slot, long hash, int index, int start) {
        hashes[slot] = hash;
        firstName[slot] = index + 1;
        keyStart[slot] = start;
        number[slot] = count;
        count++;
        if (2 * count > hashes.length) {
            grow();
        }
        return count - 1;
    }

    private void grow() {
        long[] oldHashes = hashes;
        int[] oldFirst = firstName;
        int[] oldStart = keyStart;
        int[] oldNumber = number;
        int capacity = 2 * oldHashes.length;
        hashes = new long[capacity];
        firstName = new int[capacity];
        keyStart = new int[capacity];
        number = new int[capacity];
        int mask = capacity - 1;
        for (int old = 0; old < oldHashes.length; old++) {
            if (oldFirst[old] != 0) {
                long hash = oldHashes[old];
                int slot = (int) (hash ^ (hash >>> 32)) & mask;
                while (firstName[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                hashes[slot] = hash;
                firstName[slot] = oldFirst[old];
                keyStart[slot] = oldStart[old];
                number[slot] = oldNumber[old];
            }
        }
    }

    private static boolean sameKey(String name, int start, String other, int otherStart) {
        int length = name.length() - start;
        return other.length() - otherStart == length && name.regionMatches(start, other, otherStart, length);
    }

    /** FNV-1a over the key's characters. */
    private static long hash(String name, int start) {
        long hash = FNV_OFFSET;
        for (int i = start; i < name.length(); i++) {
            hash = (hash ^ name.charAt(i)) * FNV_PRIME;
        }
        return hash;
    }
}
