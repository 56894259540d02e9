import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '@/lib/reference/demo-credentials';
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

  it('refuses the demonstration’s password, which README.md prints', () => {
    expect(passwordProblem(DEMO_PASSWORD)).toMatch(/demonstration/);
    expect(passwordProblem(` ${DEMO_PASSWORD.toUpperCase()} `)).toMatch(/demonstration/);
  });

  it('accepts a long passphrase of unrelated words', () => {
    expect(passwordProblem('lantern orbit muffin glacier')).toBeNull();
    expect(passwordProblem('amber-kettle-sonnet-river')).toBeNull();
  });
});
