// snowball-english.js: the Snowball English (Porter2) stemmer for the search worker.
// Translated by scripts/snowball_to_js.py from snowballstemmer 3.1.1:
// Generated from english.sbl by Snowball 3.1.1 - https://snowballstem.org/
// Do not edit: rerun the script.
//
// Copyright (c) 2001, Dr Martin Porter; Copyright (c) 2002, Richard Boulton;
// Copyright (c) 2004-2025, Olly Betts and other Snowball contributors.
// BSD 3-Clause licence (https://snowballstem.org/license.html): redistribution and use in
// source and binary forms, with or without modification, are permitted provided that the
// copyright notice, this list of conditions and the disclaimer are retained; the software is
// provided "as is", without warranty of any kind.
class BaseStemmer {
  setCurrent(value) {
    this.current = value;
    this.cursor = 0;
    this.limit = value.length;
    this.limit_backward = 0;
    this.bra = this.cursor;
    this.ket = this.limit;
  }
  in_grouping(s) {
    if (this.cursor >= this.limit) return false;
    if (!s.includes(this.current[this.cursor])) return false;
    this.cursor++;
    return true;
  }
  go_in_grouping(s) {
    while (this.cursor < this.limit) {
      if (!s.includes(this.current[this.cursor])) return true;
      this.cursor++;
    }
    return false;
  }
  in_grouping_b(s) {
    if (this.cursor <= this.limit_backward) return false;
    if (!s.includes(this.current[this.cursor - 1])) return false;
    this.cursor--;
    return true;
  }
  go_in_grouping_b(s) {
    while (this.cursor > this.limit_backward) {
      if (!s.includes(this.current[this.cursor - 1])) return true;
      this.cursor--;
    }
    return false;
  }
  out_grouping(s) {
    if (this.cursor >= this.limit) return false;
    if (!s.includes(this.current[this.cursor])) { this.cursor++; return true; }
    return false;
  }
  go_out_grouping(s) {
    while (this.cursor < this.limit) {
      if (s.includes(this.current[this.cursor])) return true;
      this.cursor++;
    }
    return false;
  }
  out_grouping_b(s) {
    if (this.cursor <= this.limit_backward) return false;
    if (!s.includes(this.current[this.cursor - 1])) { this.cursor--; return true; }
    return false;
  }
  go_out_grouping_b(s) {
    while (this.cursor > this.limit_backward) {
      if (s.includes(this.current[this.cursor - 1])) return true;
      this.cursor--;
    }
    return false;
  }
  eq_s(s) {
    if (this.limit - this.cursor < s.length) return false;
    if (this.current.slice(this.cursor, this.cursor + s.length) !== s) return false;
    this.cursor += s.length;
    return true;
  }
  eq_s_b(s) {
    if (this.cursor - this.limit_backward < s.length) return false;
    if (this.current.slice(this.cursor - s.length, this.cursor) !== s) return false;
    this.cursor -= s.length;
    return true;
  }
  find_among(v) {
    let i = 0, j = v.length;
    const c = this.cursor, l = this.limit;
    let common_i = 0, common_j = 0, first_key_inspected = false;
    while (true) {
      const k = i + ((j - i) >> 1);
      let diff = 0;
      let common = Math.min(common_i, common_j);
      const w = v[k];
      for (let i2 = common; i2 < w.s.length; i2++) {
        if (c + common === l) { diff = -1; break; }
        diff = this.current.charCodeAt(c + common) - w.s.charCodeAt(i2);
        if (diff !== 0) break;
        common++;
      }
      if (diff < 0) { j = k; common_j = common; } else { i = k; common_i = common; }
      if (j - i <= 1) {
        if (i > 0) break;
        if (j === i) break;
        if (first_key_inspected) break;
        first_key_inspected = true;
      }
    }
    while (true) {
      const w = v[i];
      if (common_i >= w.s.length) {
        this.cursor = c + w.s.length;
        if (!w.method) return w.result;
        if (w.method.call(this)) { this.cursor = c + w.s.length; return w.result; }
      }
      i = w.substring_i;
      if (i < 0) return 0;
    }
  }
  find_among_b(v) {
    let i = 0, j = v.length;
    const c = this.cursor, lb = this.limit_backward;
    let common_i = 0, common_j = 0, first_key_inspected = false;
    while (true) {
      const k = i + ((j - i) >> 1);
      let diff = 0;
      let common = Math.min(common_i, common_j);
      const w = v[k];
      for (let i2 = w.s.length - 1 - common; i2 >= 0; i2--) {
        if (c - common === lb) { diff = -1; break; }
        diff = this.current.charCodeAt(c - 1 - common) - w.s.charCodeAt(i2);
        if (diff !== 0) break;
        common++;
      }
      if (diff < 0) { j = k; common_j = common; } else { i = k; common_i = common; }
      if (j - i <= 1) {
        if (i > 0) break;
        if (j === i) break;
        if (first_key_inspected) break;
        first_key_inspected = true;
      }
    }
    while (true) {
      const w = v[i];
      if (common_i >= w.s.length) {
        this.cursor = c - w.s.length;
        if (!w.method) return w.result;
        if (w.method.call(this)) { this.cursor = c - w.s.length; return w.result; }
      }
      i = w.substring_i;
      if (i < 0) return 0;
    }
  }
  replace_s(c_bra, c_ket, s) {
    const adjustment = s.length - (c_ket - c_bra);
    this.current = this.current.slice(0, c_bra) + s + this.current.slice(c_ket);
    this.limit += adjustment;
    if (this.cursor >= c_ket) this.cursor += adjustment;
    else if (this.cursor > c_bra) this.cursor = c_bra;
    return adjustment;
  }
  slice_from(s) {
    this.replace_s(this.bra, this.ket, s);
    this.ket = this.bra + s.length;
  }
  slice_del() {
    this.slice_from("");
  }
  insert(c_bra, c_ket, s) {
    const adjustment = this.replace_s(c_bra, c_ket, s);
    if (c_bra <= this.bra) this.bra += adjustment;
    if (c_bra <= this.ket) this.ket += adjustment;
  }
  slice_to() {
    return this.current.slice(this.bra, this.ket);
  }
  assign_to() {
    return this.current.slice(0, this.limit);
  }
}

function among(s, substring_i, result, method) {
  return { s, substring_i, result, method };
}

class EnglishStemmer extends BaseStemmer {
  constructor() {
    super();
    this.B_Y_found = false;
    this.I_p2 = 0;
    this.I_p1 = 0;
  }
  r_prelude() {
    let v_1, v_2, v_3, v_4, v_5;
    this.B_Y_found = false;
    v_1 = this.cursor;
    lab0: {
      this.bra = this.cursor;
      if ((this.cursor === this.limit || this.current[this.cursor] !== "'")) {
        break lab0;
      }
      this.cursor += 1;
      this.ket = this.cursor;
      this.slice_del();
    }
    this.cursor = v_1;
    v_2 = this.cursor;
    lab0: {
      this.bra = this.cursor;
      if ((this.cursor === this.limit || this.current[this.cursor] !== "y")) {
        break lab0;
      }
      this.cursor += 1;
      this.ket = this.cursor;
      this.slice_from("Y");
      this.B_Y_found = true;
    }
    this.cursor = v_2;
    v_3 = this.cursor;
    lab0: {
      while (true) {
        v_4 = this.cursor;
        lab1: {
          while (true) {
            v_5 = this.cursor;
            lab2: {
              if (!(this.in_grouping(EnglishStemmer.g_v))) {
                break lab2;
              }
              this.bra = this.cursor;
              if ((this.cursor === this.limit || this.current[this.cursor] !== "y")) {
                break lab2;
              }
              this.cursor += 1;
              this.ket = this.cursor;
              this.cursor = v_5;
              break;
            }
            this.cursor = v_5;
            if (this.cursor >= this.limit) {
              break lab1;
            }
            this.cursor += 1;
          }
          this.slice_from("Y");
          this.B_Y_found = true;
          continue;
        }
        this.cursor = v_4;
        break;
      }
    }
    this.cursor = v_3;
    return true;
  }
  r_mark_regions() {
    let v_1, v_2;
    this.I_p1 = this.limit;
    this.I_p2 = this.limit;
    v_1 = this.cursor;
    lab0: {
      while (true) {
        v_2 = this.cursor;
        lab1: {
          if (this.find_among(EnglishStemmer.a_0) === 0) {
            break lab1;
          }
          break;
        }
        this.cursor = v_2;
        if (!(this.go_out_grouping(EnglishStemmer.g_v))) {
          break lab0;
        }
        this.cursor += 1;
        if (!(this.go_in_grouping(EnglishStemmer.g_v))) {
          break lab0;
        }
        this.cursor += 1;
        break;
      }
      this.I_p1 = this.cursor;
      if (!(this.go_out_grouping(EnglishStemmer.g_v))) {
        break lab0;
      }
      this.cursor += 1;
      if (!(this.go_in_grouping(EnglishStemmer.g_v))) {
        break lab0;
      }
      this.cursor += 1;
      this.I_p2 = this.cursor;
    }
    this.cursor = v_1;
    return true;
  }
  r_shortv() {
    let v_1;
    while (true) {
      v_1 = (this.limit - this.cursor);
      lab0: {
        if (!(this.out_grouping_b(EnglishStemmer.g_v_WXY))) {
          break lab0;
        }
        if (!(this.in_grouping_b(EnglishStemmer.g_v))) {
          break lab0;
        }
        if (!(this.out_grouping_b(EnglishStemmer.g_v))) {
          break lab0;
        }
        break;
      }
      this.cursor = (this.limit - v_1);
      lab0: {
        if (!(this.out_grouping_b(EnglishStemmer.g_v))) {
          break lab0;
        }
        if (!(this.in_grouping_b(EnglishStemmer.g_v))) {
          break lab0;
        }
        if (this.cursor > this.limit_backward) {
          break lab0;
        }
        break;
      }
      this.cursor = (this.limit - v_1);
      if (!(this.eq_s_b("past"))) {
        return false;
      }
      break;
    }
    return true;
  }
  r_R1() {
    return this.I_p1 <= this.cursor;
  }
  r_R2() {
    return this.I_p2 <= this.cursor;
  }
  r_Step_1a() {
    let among_var, v_1, v_2;
    v_1 = (this.limit - this.cursor);
    lab0: {
      this.ket = this.cursor;
      if (this.find_among_b(EnglishStemmer.a_1) === 0) {
        this.cursor = (this.limit - v_1);
        break lab0;
      }
      this.bra = this.cursor;
      this.slice_del();
    }
    this.ket = this.cursor;
    among_var = this.find_among_b(EnglishStemmer.a_2);
    if (among_var === 0) {
      return false;
    }
    this.bra = this.cursor;
    if (among_var === 1) {
      this.slice_from("ss");
    } else {
      if (among_var === 2) {
        while (true) {
          v_2 = (this.limit - this.cursor);
          lab0: {
            if ((this.cursor - 2) < this.limit_backward) {
              break lab0;
            }
            this.cursor -= 2;
            this.slice_from("i");
            break;
          }
          this.cursor = (this.limit - v_2);
          this.slice_from("ie");
          break;
        }
      } else {
        if (among_var === 3) {
          if (this.cursor <= this.limit_backward) {
            return false;
          }
          this.cursor -= 1;
          if (!(this.go_out_grouping_b(EnglishStemmer.g_v))) {
            return false;
          }
          this.cursor -= 1;
          this.slice_del();
        }
      }
    }
    return true;
  }
  r_Step_1b() {
    let among_var, v_1, v_2, v_3, v_4, v_5, v_6, v_7, v_8;
    this.ket = this.cursor;
    among_var = this.find_among_b(EnglishStemmer.a_5);
    this.bra = this.cursor;
    while (true) {
      v_1 = (this.limit - this.cursor);
      lab0: {
        if (among_var === 1) {
          v_2 = (this.limit - this.cursor);
          lab1: {
            if (!(this.r_R1())) {
              break lab1;
            }
            while (true) {
              v_3 = (this.limit - this.cursor);
              lab2: {
                if (this.find_among_b(EnglishStemmer.a_3) === 0) {
                  break lab2;
                }
                if (this.cursor > this.limit_backward) {
                  break lab2;
                }
                break;
              }
              this.cursor = (this.limit - v_3);
              this.slice_from("ee");
              break;
            }
          }
          this.cursor = (this.limit - v_2);
        } else {
          if (among_var === 2) {
            break lab0;
          } else {
            if (among_var === 3) {
              among_var = this.find_among_b(EnglishStemmer.a_4);
              if (among_var === 0) {
                break lab0;
              }
              if (among_var === 1) {
                v_4 = (this.limit - this.cursor);
                if (!(this.out_grouping_b(EnglishStemmer.g_v))) {
                  break lab0;
                }
                if (this.cursor > this.limit_backward) {
                  break lab0;
                }
                this.cursor = (this.limit - v_4);
                this.bra = this.cursor;
                this.slice_from("ie");
              } else {
                if (this.cursor > this.limit_backward) {
                  break lab0;
                }
              }
            }
          }
        }
        break;
      }
      this.cursor = (this.limit - v_1);
      v_5 = (this.limit - this.cursor);
      if (!(this.go_out_grouping_b(EnglishStemmer.g_v))) {
        return false;
      }
      this.cursor -= 1;
      this.cursor = (this.limit - v_5);
      this.slice_del();
      this.ket = this.cursor;
      this.bra = this.cursor;
      v_6 = (this.limit - this.cursor);
      among_var = this.find_among_b(EnglishStemmer.a_6);
      if (among_var === 1) {
        this.slice_from("e");
        return false;
      } else {
        if (among_var === 2) {
          v_7 = (this.limit - this.cursor);
          lab0: {
            if (!(this.in_grouping_b(EnglishStemmer.g_aeo))) {
              break lab0;
            }
            if (this.cursor > this.limit_backward) {
              break lab0;
            }
            return false;
          }
          this.cursor = (this.limit - v_7);
        } else {
          if (this.cursor !== this.I_p1) {
            return false;
          }
          v_8 = (this.limit - this.cursor);
          if (!(this.r_shortv())) {
            return false;
          }
          this.cursor = (this.limit - v_8);
          this.slice_from("e");
          return false;
        }
      }
      this.cursor = (this.limit - v_6);
      this.ket = this.cursor;
      if (this.cursor <= this.limit_backward) {
        return false;
      }
      this.cursor -= 1;
      this.bra = this.cursor;
      this.slice_del();
      break;
    }
    return true;
  }
  r_Step_1c() {
    this.ket = this.cursor;
    while (true) {
      lab0: {
        if ((this.cursor <= this.limit_backward || this.current[(this.cursor - 1)] !== "y")) {
          break lab0;
        }
        this.cursor -= 1;
        break;
      }
      if ((this.cursor <= this.limit_backward || this.current[(this.cursor - 1)] !== "Y")) {
        return false;
      }
      this.cursor -= 1;
      break;
    }
    this.bra = this.cursor;
    if (!(this.out_grouping_b(EnglishStemmer.g_v))) {
      return false;
    }
    if (this.cursor <= this.limit_backward) {
      return false;
    }
    this.slice_from("i");
    return true;
  }
  r_Step_2() {
    let among_var;
    this.ket = this.cursor;
    among_var = this.find_among_b(EnglishStemmer.a_7);
    if (among_var === 0) {
      return false;
    }
    this.bra = this.cursor;
    if (!(this.r_R1())) {
      return false;
    }
    if (among_var === 1) {
      this.slice_from("tion");
    } else {
      if (among_var === 2) {
        this.slice_from("ence");
      } else {
        if (among_var === 3) {
          this.slice_from("ance");
        } else {
          if (among_var === 4) {
            this.slice_from("able");
          } else {
            if (among_var === 5) {
              this.slice_from("ent");
            } else {
              if (among_var === 6) {
                this.slice_from("ize");
              } else {
                if (among_var === 7) {
                  this.slice_from("ate");
                } else {
                  if (among_var === 8) {
                    this.slice_from("al");
                  } else {
                    if (among_var === 9) {
                      this.slice_from("ful");
                    } else {
                      if (among_var === 10) {
                        this.slice_from("ous");
                      } else {
                        if (among_var === 11) {
                          this.slice_from("ive");
                        } else {
                          if (among_var === 12) {
                            this.slice_from("ble");
                          } else {
                            if (among_var === 13) {
                              this.slice_from("og");
                            } else {
                              if (among_var === 14) {
                                if ((this.cursor <= this.limit_backward || this.current[(this.cursor - 1)] !== "l")) {
                                  return false;
                                }
                                this.cursor -= 1;
                                this.slice_from("og");
                              } else {
                                if (among_var === 15) {
                                  this.slice_from("less");
                                } else {
                                  if (!(this.in_grouping_b(EnglishStemmer.g_valid_LI))) {
                                    return false;
                                  }
                                  this.slice_del();
                                }
                              }
                            }
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
    return true;
  }
  r_Step_3() {
    let among_var;
    this.ket = this.cursor;
    among_var = this.find_among_b(EnglishStemmer.a_8);
    if (among_var === 0) {
      return false;
    }
    this.bra = this.cursor;
    if (!(this.r_R1())) {
      return false;
    }
    if (among_var === 1) {
      this.slice_from("tion");
    } else {
      if (among_var === 2) {
        this.slice_from("ate");
      } else {
        if (among_var === 3) {
          this.slice_from("al");
        } else {
          if (among_var === 4) {
            this.slice_from("ic");
          } else {
            if (among_var === 5) {
              this.slice_del();
            } else {
              if (!(this.r_R2())) {
                return false;
              }
              this.slice_del();
            }
          }
        }
      }
    }
    return true;
  }
  r_Step_4() {
    let among_var;
    this.ket = this.cursor;
    among_var = this.find_among_b(EnglishStemmer.a_9);
    if (among_var === 0) {
      return false;
    }
    this.bra = this.cursor;
    if (!(this.r_R2())) {
      return false;
    }
    if (among_var === 1) {
      this.slice_del();
    } else {
      while (true) {
        lab0: {
          if ((this.cursor <= this.limit_backward || this.current[(this.cursor - 1)] !== "s")) {
            break lab0;
          }
          this.cursor -= 1;
          break;
        }
        if ((this.cursor <= this.limit_backward || this.current[(this.cursor - 1)] !== "t")) {
          return false;
        }
        this.cursor -= 1;
        break;
      }
      this.slice_del();
    }
    return true;
  }
  r_Step_5() {
    let among_var, v_1;
    this.ket = this.cursor;
    among_var = this.find_among_b(EnglishStemmer.a_10);
    if (among_var === 0) {
      return false;
    }
    this.bra = this.cursor;
    if (among_var === 1) {
      while (true) {
        lab0: {
          if (!(this.r_R2())) {
            break lab0;
          }
          break;
        }
        if (!(this.r_R1())) {
          return false;
        }
        v_1 = (this.limit - this.cursor);
        lab0: {
          if (!(this.r_shortv())) {
            break lab0;
          }
          return false;
        }
        this.cursor = (this.limit - v_1);
        break;
      }
      this.slice_del();
    } else {
      if (!(this.r_R2())) {
        return false;
      }
      if ((this.cursor <= this.limit_backward || this.current[(this.cursor - 1)] !== "l")) {
        return false;
      }
      this.cursor -= 1;
      this.slice_del();
    }
    return true;
  }
  r_exception1() {
    let among_var;
    this.bra = this.cursor;
    among_var = this.find_among(EnglishStemmer.a_11);
    if (among_var === 0) {
      return false;
    }
    this.ket = this.cursor;
    if (this.cursor < this.limit) {
      return false;
    }
    if (among_var > 0) {
      this.slice_from(EnglishStemmer.as_11[(among_var - 1)]);
    }
    return true;
  }
  r_postlude() {
    let v_1, v_2;
    if (!(this.B_Y_found)) {
      return false;
    }
    while (true) {
      v_1 = this.cursor;
      lab0: {
        while (true) {
          v_2 = this.cursor;
          lab1: {
            this.bra = this.cursor;
            if ((this.cursor === this.limit || this.current[this.cursor] !== "Y")) {
              break lab1;
            }
            this.cursor += 1;
            this.ket = this.cursor;
            this.cursor = v_2;
            break;
          }
          this.cursor = v_2;
          if (this.cursor >= this.limit) {
            break lab0;
          }
          this.cursor += 1;
        }
        this.slice_from("y");
        continue;
      }
      this.cursor = v_1;
      break;
    }
    return true;
  }
  _stem() {
    let v_1, v_2, v_3, v_4, v_5, v_6, v_7, v_8, v_9;
    while (true) {
      v_1 = this.cursor;
      lab0: {
        if (!(this.r_exception1())) {
          break lab0;
        }
        break;
      }
      this.cursor = v_1;
      lab0: {
        lab1: {
          if ((this.cursor + 3) > this.limit) {
            break lab1;
          }
          this.cursor += 3;
          break lab0;
        }
        break;
      }
      this.cursor = v_1;
      this.r_prelude();
      this.r_mark_regions();
      this.limit_backward = this.cursor;
      this.cursor = this.limit;
      v_2 = (this.limit - this.cursor);
      this.r_Step_1a();
      this.cursor = (this.limit - v_2);
      v_3 = (this.limit - this.cursor);
      this.r_Step_1b();
      this.cursor = (this.limit - v_3);
      v_4 = (this.limit - this.cursor);
      this.r_Step_1c();
      this.cursor = (this.limit - v_4);
      v_5 = (this.limit - this.cursor);
      this.r_Step_2();
      this.cursor = (this.limit - v_5);
      v_6 = (this.limit - this.cursor);
      this.r_Step_3();
      this.cursor = (this.limit - v_6);
      v_7 = (this.limit - this.cursor);
      this.r_Step_4();
      this.cursor = (this.limit - v_7);
      v_8 = (this.limit - this.cursor);
      this.r_Step_5();
      this.cursor = (this.limit - v_8);
      this.cursor = this.limit_backward;
      v_9 = this.cursor;
      this.r_postlude();
      this.cursor = v_9;
      break;
    }
    return true;
  }
}
EnglishStemmer.g_aeo = "aeo";
EnglishStemmer.g_v = "aeiouy";
EnglishStemmer.g_v_WXY = "Yaeiouwxy";
EnglishStemmer.g_valid_LI = "cdeghkmnrt";
EnglishStemmer.a_0 = [among("arsen", -1, -1), among("commun", -1, -1), among("emerg", -1, -1), among("gener", -1, -1), among("inter", -1, -1), among("later", -1, -1), among("organ", -1, -1), among("past", -1, -1), among("univers", -1, -1)];
EnglishStemmer.a_1 = [among("'", -1, 1), among("'s'", 0, 1), among("'s", -1, 1)];
EnglishStemmer.a_2 = [among("ied", -1, 2), among("s", -1, 3), among("ies", 1, 2), among("sses", 1, 1), among("ss", 1, -1), among("us", 1, -1)];
EnglishStemmer.a_3 = [among("succ", -1, 1), among("proc", -1, 1), among("exc", -1, 1)];
EnglishStemmer.a_4 = [among("even", -1, 2), among("cann", -1, 2), among("inn", -1, 2), among("earr", -1, 2), among("herr", -1, 2), among("out", -1, 2), among("y", -1, 1)];
EnglishStemmer.a_5 = [among("", -1, -1), among("ed", 0, 2), among("eed", 1, 1), among("ing", 0, 3), among("edly", 0, 2), among("eedly", 4, 1), among("ingly", 0, 2)];
EnglishStemmer.a_6 = [among("", -1, 3), among("bb", 0, 2), among("dd", 0, 2), among("ff", 0, 2), among("gg", 0, 2), among("bl", 0, 1), among("mm", 0, 2), among("nn", 0, 2), among("pp", 0, 2), among("rr", 0, 2), among("at", 0, 1), among("tt", 0, 2), among("iz", 0, 1)];
EnglishStemmer.a_7 = [among("anci", -1, 3), among("enci", -1, 2), among("ogi", -1, 14), among("li", -1, 16), among("bli", 3, 12), among("abli", 4, 4), among("alli", 3, 8), among("fulli", 3, 9), among("lessli", 3, 15), among("ousli", 3, 10), among("entli", 3, 5), among("aliti", -1, 8), among("biliti", -1, 12), among("iviti", -1, 11), among("tional", -1, 1), among("ational", 14, 7), among("alism", -1, 8), among("ation", -1, 7), among("ization", 17, 6), among("izer", -1, 6), among("ator", -1, 7), among("iveness", -1, 11), among("fulness", -1, 9), among("ousness", -1, 10), among("ogist", -1, 13)];
EnglishStemmer.a_8 = [among("icate", -1, 4), among("ative", -1, 6), among("alize", -1, 3), among("iciti", -1, 4), among("ical", -1, 4), among("tional", -1, 1), among("ational", 5, 2), among("ful", -1, 5), among("ness", -1, 5)];
EnglishStemmer.a_9 = [among("ic", -1, 1), among("ance", -1, 1), among("ence", -1, 1), among("able", -1, 1), among("ible", -1, 1), among("ate", -1, 1), among("ive", -1, 1), among("ize", -1, 1), among("iti", -1, 1), among("al", -1, 1), among("ism", -1, 1), among("ion", -1, 2), among("er", -1, 1), among("ous", -1, 1), among("ant", -1, 1), among("ent", -1, 1), among("ment", 15, 1), among("ement", 16, 1)];
EnglishStemmer.a_10 = [among("e", -1, 1), among("l", -1, 2)];
EnglishStemmer.a_11 = [among("andes", -1, -1), among("atlas", -1, -1), among("bias", -1, -1), among("cosmos", -1, -1), among("early", -1, 6), among("gently", -1, 4), among("howe", -1, -1), among("idly", -1, 3), among("news", -1, -1), among("only", -1, 7), among("singly", -1, 8), among("skies", -1, 2), among("skis", -1, 1), among("sky", -1, -1), among("ugly", -1, 5)];
EnglishStemmer.as_11 = ["ski", "sky", "idl", "gentl", "ugli", "earli", "onli", "singl"];

const stemmer = new EnglishStemmer();

/** The Snowball English stem of a lower-case word. */
export function stem(word) {
  stemmer.setCurrent(word);
  stemmer._stem();
  return stemmer.current;
}
