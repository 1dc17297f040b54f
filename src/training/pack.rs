//! Sequence packing: documents' token ids, in order, cut into rows of
//! exactly `seq_len` tokens. A document that does not fit continues at the
//! start of the next row. Each row records where its document pieces start
//! (`document_boundaries`, cu_seqlens style: `[0, …, tokens in the row]`),
//! so attention can be kept within documents.

use super::config::{LastRow, PackConfig};

/// The rows being built, column by column (no per-row allocation).
#[derive(Debug, Default)]
pub struct Packer {
    seq_len: usize,
    /// Every finished row's ids, concatenated.
    pub ids: Vec<u32>,
    /// Boundaries of every finished row, concatenated.
    pub bounds: Vec<u32>,
    /// Boundary count of each finished row.
    pub bounds_len: Vec<u32>,
    /// Real tokens of each finished row (< seq_len only for a padded last row).
    pub real: Vec<u32>,
    /// The row under construction.
    cur_ids: Vec<u32>,
    cur_bounds: Vec<u32>,
    /// Padding added and tokens dropped.
    pub padding: u64,
    /// Tokens of a dropped last row.
    pub dropped: u64,
}

impl Packer {
    /// A packer for rows of `seq_len`.
    pub fn new(seq_len: u32) -> Self {
        Packer { seq_len: seq_len as usize, cur_bounds: vec![0], ..Default::default() }
    }

    /// Appends one document's tokens.
    pub fn push(&mut self, mut doc: &[u32]) {
        while !doc.is_empty() {
            let room = self.seq_len - self.cur_ids.len();
            let take = room.min(doc.len());
            self.cur_ids.extend_from_slice(&doc[..take]);
            self.cur_bounds.push(self.cur_ids.len() as u32);
            doc = &doc[take..];
            if self.cur_ids.len() == self.seq_len {
                self.close_row(self.seq_len);
            }
        }
    }

    fn close_row(&mut self, real: usize) {
        self.ids.append(&mut self.cur_ids);
        self.bounds_len.push(self.cur_bounds.len() as u32);
        self.bounds.append(&mut self.cur_bounds);
        self.cur_bounds.push(0);
        self.real.push(real as u32);
    }

    /// Finished rows.
    pub fn rows(&self) -> usize {
        self.real.len()
    }

    /// Ends the last partial row as configured.
    pub fn finish(&mut self, cfg: &PackConfig) {
        let n = self.cur_ids.len();
        if n == 0 {
            return;
        }
        match (cfg.last, cfg.pad_id) {
            (LastRow::Pad, Some(pad)) => {
                self.padding += (self.seq_len - n) as u64;
                self.cur_ids.resize(self.seq_len, pad);
                self.close_row(n);
            }
            _ => {
                self.dropped += n as u64;
                self.cur_ids.clear();
                self.cur_bounds.truncate(1);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(p: &Packer, seq: usize) -> Vec<(Vec<u32>, Vec<u32>, u32)> {
        let mut b = 0;
        (0..p.rows())
            .map(|r| {
                let n = p.bounds_len[r] as usize;
                let row = (p.ids[r * seq..(r + 1) * seq].to_vec(), p.bounds[b..b + n].to_vec(), p.real[r]);
                b += n;
                row
            })
            .collect()
    }

    #[test]
    fn documents_continue_across_rows_in_order() {
        let mut p = Packer::new(4);
        p.push(&[1, 2, 3]);
        p.push(&[4, 5, 6, 7, 8, 9]);
        p.push(&[10]);
        p.push(&[]);
        assert_eq!(rows(&p, 4), [(vec![1, 2, 3, 4], vec![0, 3, 4], 4), (vec![5, 6, 7, 8], vec![0, 4], 4)]);
        let mut keep = PackConfig { seq_len: 4, last: LastRow::Pad, pad_id: Some(0), position_ids: false };
        p.finish(&keep);
        assert_eq!(rows(&p, 4)[2], (vec![9, 10, 0, 0], vec![0, 1, 2], 2));
        assert_eq!((p.padding, p.dropped), (2, 0));

        keep.last = LastRow::Drop;
        let mut d = Packer::new(4);
        d.push(&[1, 2, 3, 4, 5]);
        d.finish(&keep);
        assert_eq!((d.rows(), d.dropped, d.ids.len()), (1, 1, 4));
        // Every token is kept in order.
        assert_eq!(d.ids, [1, 2, 3, 4]);
    }
}
