import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-policy';

describe('password policy', () => {
  it('refuses passwords shorter than 12 characters', () => {
    expect(passwordProblem('Xk9#mP2$vL')).toMatch(/at least 12 characters/);
  });

  it('refuses common and breached passwords even when long enough', () => {
    expect(passwordProblem('password1234')).toMatch(/too easy to guess/);
    expect(passwordProblem('qwertyuiop123')).toMatch(/too easy to guess/);
  });

  it('refuses a password made of the user’s own name', () => {
    expect(passwordProblem('priyashah2026', ['priya', 'shah', 'priyashah'])).toMatch(/too easy to guess/);
  });

  it('accepts a long passphrase of unrelated words', () => {
    expect(passwordProblem('correct-horse-battery-staple-42')).toBeNull();
    expect(passwordProblem('lantern orbit muffin glacier')).toBeNull();
  });
});
